package io.callcard.config;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the operating system's keyring (Secret Service, macOS Keychain, Windows Credential Manager), each one
 * an entry of the service {@value #SERVICE} whose account is the {@link SecretKeys key}.
 *
 * <p>Failures are reported without the library's exception as cause: its messages come from D-Bus or native code
 * and are not ours to vouch for.
 */
public final class KeyringSecretStore implements SecretStore {

    public static final String SERVICE = "CallCard Companion";
    /** An account that is never written; reading it proves the keyring answers without touching the user's data. */
    static final String PROBE_ACCOUNT = "probe";

    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);

    private final KeyringAccess keyring;

    KeyringSecretStore(KeyringAccess keyring) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /**
     * Opens the system keyring and asks it once for an entry that does not exist. May block for a long time when
     * D-Bus is present but no secret service answers: call it through {@link SecretStores}, which bounds the wait.
     */
    public static KeyringSecretStore connect() throws BackendNotSupportedException, SecretStoreException {
        KeyringSecretStore store = new KeyringSecretStore(KeyringAccess.of(Keyring.create()));
        store.read(PROBE_ACCOUNT);
        return store;
    }

    @Override
    public Optional<String> read(String key) throws SecretStoreException {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, key));
        } catch (PasswordAccessException absentOrRefused) {
            // The library says "no such entry" with this exception too, and gives no way to tell the two apart.
            LOG.debug("The keyring holds no readable entry for {}", key);
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void write(String key, String secret) throws SecretStoreException {
        Objects.requireNonNull(secret, "secret");
        try {
            keyring.setPassword(SERVICE, key, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        try {
            keyring.deletePassword(SERVICE, key);
        } catch (PasswordAccessException | RuntimeException e) {
            // Deleting an absent entry fails in the library; it is only a failure if the entry may still be there.
            boolean mayRemain;
            try {
                mayRemain = read(key).isPresent();
            } catch (SecretStoreException unreadable) {
                mayRemain = true;
            }
            if (mayRemain) {
                throw failure("delete", key, e);
            }
        }
    }

    @Override
    public String describe() {
        return "system keyring";
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[" + SERVICE + "]";
    }

    private static SecretStoreException failure(String action, String key, Exception e) {
        return new SecretStoreException("The system keyring could not " + action + " " + key + " ("
                + e.getClass().getSimpleName() + ")");
    }
}
