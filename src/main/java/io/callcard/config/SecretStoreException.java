package io.callcard.config;

/**
 * A secret could not be read, written or deleted. The message names the key and what failed, never the secret; the
 * underlying exception is deliberately not chained when its own message might quote stored text.
 */
public final class SecretStoreException extends Exception {

    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
