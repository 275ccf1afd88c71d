package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path target = dir.resolve("settings.json");
        Files.writeString(target, "{\"old\":\"and longer than the new content\"}");

        AtomicFiles.write(target, "{}".getBytes(StandardCharsets.UTF_8));

        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertEquals(List.of("settings.json"), names());
    }

    @Test
    void aFailedMoveKeepsTheOldTargetAndRemovesTheTemporaryFile() throws Exception {
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("child")); // a non-empty folder cannot be replaced by a file

        assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1, 2, 3}));

        assertEquals(List.of("occupied"), names());
        assertEquals(List.of("child"), Files.list(target).map(p -> p.getFileName().toString()).toList());
    }
}
