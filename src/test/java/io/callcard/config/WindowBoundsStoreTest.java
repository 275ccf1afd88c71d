package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowBoundsStoreTest {

    @TempDir
    Path dir;

    @Test
    void boundsSurviveARoundTrip() throws Exception {
        WindowBoundsStore store = new WindowBoundsStore(dir.resolve("new-config"));
        store.save(new WindowBounds(12.5, -3, 420, 480));
        assertEquals(Optional.of(new WindowBounds(12.5, -3, 420, 480)), store.load());
        try (var files = Files.list(dir.resolve("new-config"))) {
            assertEquals(List.of(WindowBoundsStore.FILE_NAME),
                    files.map(file -> file.getFileName().toString()).toList(), "no temp file left");
        }
    }

    @Test
    void nothingSavedMeansNothingToRestore() {
        assertTrue(new WindowBoundsStore(dir).load().isEmpty());
    }

    @Test
    void aMangledFileIsIgnoredNotFatal() throws Exception {
        Files.writeString(dir.resolve(WindowBoundsStore.FILE_NAME), "x=left\ny=1\nwidth=400\nheight=400\n");
        assertTrue(new WindowBoundsStore(dir).load().isEmpty());
        Files.writeString(dir.resolve(WindowBoundsStore.FILE_NAME), "x=1\ny=1\nwidth=400\n");
        assertTrue(new WindowBoundsStore(dir).load().isEmpty());
    }

    @Test
    void implausibleSizesAreIgnored() throws Exception {
        Files.writeString(dir.resolve(WindowBoundsStore.FILE_NAME), "x=1\ny=1\nwidth=3\nheight=NaN\n");
        assertTrue(new WindowBoundsStore(dir).load().isEmpty());
    }
}
