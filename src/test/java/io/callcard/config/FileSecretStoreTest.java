package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(FileSecretStore.FILE_NAME);
    }

    private List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
        }
    }

    @Test
    void whatIsWrittenIsReadBackAndDeletedKeysAreGone() throws Exception {
        FileSecretStore store = FileSecretStore.open(dir);
        assertEquals(Optional.empty(), store.read(SecretKeys.OAUTH_ACCESS_TOKEN));
        store.write(SecretKeys.OAUTH_ACCESS_TOKEN, "access-1");
        store.write(SecretKeys.OAUTH_REFRESH_TOKEN, "refresh-1");
        store.write(SecretKeys.OAUTH_ACCESS_TOKEN, "access-2");
        assertEquals(Optional.of("access-2"), FileSecretStore.open(dir).read(SecretKeys.OAUTH_ACCESS_TOKEN));
        store.delete(SecretKeys.OAUTH_ACCESS_TOKEN);
        store.delete("never.written");
        assertEquals(Optional.empty(), store.read(SecretKeys.OAUTH_ACCESS_TOKEN));
        assertEquals(Optional.of("refresh-1"), store.read(SecretKeys.OAUTH_REFRESH_TOKEN));
    }

    @Test
    void theFileIsCreatedReadableOnlyByItsOwner() throws Exception {
        Path nested = dir.resolve("fresh").resolve("config");
        FileSecretStore store = FileSecretStore.open(nested);
        store.write(SecretKeys.WEBHOOK_URL, "https://example.bitrix24.com/rest/1/abc123/");
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(nested.resolve(FileSecretStore.FILE_NAME)));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(nested));
        assertEquals("file readable only by you: " + store.file(), store.describe());
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        FileSecretStore store = FileSecretStore.open(dir);
        for (int i = 0; i < 20; i++) {
            store.write("key" + i, "secret" + i);
        }
        store.delete("key3");
        assertEquals(List.of(FileSecretStore.FILE_NAME), filesIn(dir));
    }

    @Test
    void aFileReadableByOthersIsTightenedAndStillRead() throws Exception {
        Files.writeString(file(), "{\"portal.oauth.refresh\": \"kept-refresh\"}", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        FileSecretStore store = FileSecretStore.open(dir);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file()));
        assertEquals(Optional.of("kept-refresh"), store.read(SecretKeys.OAUTH_REFRESH_TOKEN));
        assertTrue(store.describe().contains("rw-r--r--"), store.describe());
    }

    @Test
    void aFileMadeWideWhileOpenIsTightenedOnTheNextRead() throws Exception {
        FileSecretStore store = FileSecretStore.open(dir);
        store.write("k", "v");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(Optional.of("v"), store.read("k"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file()));
    }

    @Test
    void twoThreadsWritingAtOnceLoseNothing() throws Exception {
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String thread : List.of("a", "b")) {
                // Each thread has its own store over the same file, as two parts of the application would.
                FileSecretStore store = FileSecretStore.open(dir);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.write(thread + i, "secret-" + thread + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<?, ?> entries = new ObjectMapper().readValue(file().toFile(), Map.class);
        assertEquals(2 * perThread, entries.size());
        FileSecretStore store = FileSecretStore.open(dir);
        assertEquals(Optional.of("secret-a59"), store.read("a59"));
        assertEquals(Optional.of("secret-b0"), store.read("b0"));
        assertEquals(List.of(FileSecretStore.FILE_NAME), filesIn(dir));
    }

    @Test
    void aBrokenFileIsReportedWithItsLineAndLeftAlone() throws Exception {
        String broken = "{\n \"k\": \"v\",\n oops\n}";
        Files.writeString(file(), broken, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
        FileSecretStore store = FileSecretStore.open(dir);
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.read("k"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(SecretStoreException.class, () -> store.write("k", "new"));
        assertEquals(broken, Files.readString(file()));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAFailureNotACrash() throws Exception {
        Path notAFolder = dir.resolve("occupied");
        Files.writeString(notAFolder, "a file where the folder should be");
        FileSecretStore store = FileSecretStore.open(notAFolder);
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.write("k", "v"));
        assertTrue(e.getMessage().startsWith("Could not") && e.getMessage().contains(notAFolder.toString()), e.getMessage());
        assertFalse(store.toString().contains("v\""));
    }

    @Test
    void anEmptyFileHoldsNoSecrets() throws Exception {
        Files.createFile(file(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        assertEquals(Optional.empty(), FileSecretStore.open(dir).read("k"));
    }
}
