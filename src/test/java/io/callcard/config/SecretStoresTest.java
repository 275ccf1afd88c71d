package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javakeyring.BackendNotSupportedException;
import io.callcard.testing.SlowTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SlowTest
class SecretStoresTest {

    @TempDir
    Path dir;

    @Test
    void aKeyringThatAnswersIsUsed() {
        SecretStore keyring = new KeyringSecretStore(new FakeKeyring());
        assertSame(keyring, SecretStores.open(dir, () -> keyring, Duration.ofSeconds(2)));
    }

    @Test
    void aKeyringThatHangsFallsBackToTheFileWithinTheProbeTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        SecretStore store = SecretStores.open(dir, () -> {
            never.await();
            return new KeyringSecretStore(new FakeKeyring());
        }, SecretStores.PROBE_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertInstanceOf(FileSecretStore.class, store);
        assertTrue(took.compareTo(SecretStores.PROBE_TIMEOUT.plusSeconds(1)) < 0, took::toString);
        store.write(SecretKeys.WEBHOOK_URL, "https://p.example/rest/1/abc/");
        assertTrue(store.read(SecretKeys.WEBHOOK_URL).isPresent());
    }

    @Test
    void noKeyringBackendFallsBackAtOnce() {
        long start = System.nanoTime();
        SecretStore store = SecretStores.open(dir, () -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }, Duration.ofSeconds(10));
        assertInstanceOf(FileSecretStore.class, store);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000);
    }

    @Test
    void aNativeLibraryThatWillNotLoadFallsBack() {
        SecretStore store = SecretStores.open(dir, () -> {
            throw new UnsatisfiedLinkError("libdbus");
        }, Duration.ofSeconds(2));
        assertInstanceOf(FileSecretStore.class, store);
    }

    @Test
    void thisMachineGetsAWorkingStoreWithoutWaitingLong() {
        long start = System.nanoTime();
        SecretStore store = SecretStores.open(dir);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(SecretStores.PROBE_TIMEOUT.plusSeconds(2)) < 0, took::toString);
        assertFalse(store.describe().isBlank());
    }
}
