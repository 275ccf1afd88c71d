package io.callcard.config;

import io.callcard.threads.BackgroundThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where secrets live: the system keyring when one answers, else {@code secrets.json} readable only by the
 * user. A machine without a keyring is normal (headless Linux, CI), so it is never an error.
 */
public final class SecretStores {

    /** Long enough for a keyring that is up, short enough that start-up never waits on one that is not. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    private SecretStores() {
    }

    public static SecretStore open(Path configDir) {
        return open(configDir, KeyringSecretStore::connect, PROBE_TIMEOUT);
    }

    /**
     * The store the keyring connector yields if it does so within the timeout, else the file store. The connector
     * runs on a daemon thread: with D-Bus up but no secret service it may block for good, and must not keep the
     * JVM alive.
     */
    static SecretStore open(Path configDir, Callable<? extends SecretStore> keyring, Duration timeout) {
        FutureTask<SecretStore> probe = new FutureTask<>(keyring::call);
        BackgroundThreads.start("keyring-probe", probe);
        String why;
        try {
            SecretStore store = probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (store != null) {
                LOG.info("Secrets are kept in the {}", store.describe());
                return store;
            }
            why = "no keyring";
        } catch (TimeoutException e) {
            probe.cancel(true);
            why = "the keyring did not answer within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            why = "no keyring (" + e.getCause().getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            probe.cancel(true);
            Thread.currentThread().interrupt();
            why = "interrupted while asking the keyring";
        }
        FileSecretStore file = FileSecretStore.open(configDir);
        LOG.info("Secrets are kept in a {}: {}", file.describe(), why);
        return file;
    }
}
