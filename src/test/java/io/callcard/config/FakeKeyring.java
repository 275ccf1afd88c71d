package io.callcard.config;

import com.github.javakeyring.PasswordAccessException;
import java.util.HashMap;
import java.util.Map;

/**
 * A keyring in memory that behaves like the library's: an absent entry is a {@link PasswordAccessException}. When
 * told to fail, it fails with the worst message a native keyring could produce: one quoting the secret.
 */
class FakeKeyring implements KeyringAccess {

    final Map<String, String> entries = new HashMap<>();
    String failWith;
    boolean failAsRuntime;

    @Override
    public String getPassword(String service, String account) throws PasswordAccessException {
        failIfAsked();
        String value = entries.get(service + "/" + account);
        if (value == null) {
            throw new PasswordAccessException("No existing credential for " + account);
        }
        return value;
    }

    @Override
    public void setPassword(String service, String account, String password) throws PasswordAccessException {
        failIfAsked();
        entries.put(service + "/" + account, password);
    }

    @Override
    public void deletePassword(String service, String account) throws PasswordAccessException {
        failIfAsked();
        if (entries.remove(service + "/" + account) == null) {
            throw new PasswordAccessException("No existing credential for " + account);
        }
    }

    private void failIfAsked() throws PasswordAccessException {
        if (failWith == null) {
            return;
        }
        if (failAsRuntime) {
            throw new IllegalStateException("D-Bus said: " + failWith);
        }
        throw new PasswordAccessException("refused: " + failWith);
    }
}
