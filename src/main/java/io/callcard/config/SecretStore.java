package io.callcard.config;

import java.util.Optional;

/**
 * Where the companion keeps what must not sit in {@code settings.json}: webhook codes, OAuth tokens, client secrets.
 * Keys are listed in {@link SecretKeys}. No implementation ever puts a secret into a log line, an exception message
 * or a {@code toString()}.
 */
public interface SecretStore {

    /** The secret stored under the key, or empty when none is. */
    Optional<String> read(String key) throws SecretStoreException;

    /** Stores the secret under the key, replacing what was there. */
    void write(String key, String secret) throws SecretStoreException;

    /** Forgets the key; forgetting a key that is not stored is not an error. */
    void delete(String key) throws SecretStoreException;

    /** Where the secrets are, in words for the settings page: "system keyring", "file readable only by you: PATH". */
    String describe();
}
