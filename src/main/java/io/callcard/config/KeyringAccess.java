package io.callcard.config;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

/**
 * The three keyring calls the companion makes, behind an interface so tests can play a keyring that fails in every
 * way a real one does (no real keyring runs on CI or headless machines).
 */
interface KeyringAccess {

    String getPassword(String service, String account) throws PasswordAccessException;

    void setPassword(String service, String account, String password) throws PasswordAccessException;

    void deletePassword(String service, String account) throws PasswordAccessException;

    /** The library's keyring, as is. */
    static KeyringAccess of(Keyring keyring) {
        return new KeyringAccess() {
            @Override
            public String getPassword(String service, String account) throws PasswordAccessException {
                return keyring.getPassword(service, account);
            }

            @Override
            public void setPassword(String service, String account, String password) throws PasswordAccessException {
                keyring.setPassword(service, account, password);
            }

            @Override
            public void deletePassword(String service, String account) throws PasswordAccessException {
                keyring.deletePassword(service, account);
            }

            @Override
            public String toString() {
                return "Keyring[" + keyring.getKeyringStorageType() + "]";
            }
        };
    }
}
