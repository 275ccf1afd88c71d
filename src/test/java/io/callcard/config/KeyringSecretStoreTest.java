package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyringSecretStoreTest {

    private final FakeKeyring keyring = new FakeKeyring();
    private final KeyringSecretStore store = new KeyringSecretStore(keyring);

    @Test
    void entriesLiveUnderTheProductsServiceName() throws Exception {
        store.write(SecretKeys.OAUTH_CLIENT_SECRET, "client-secret");
        assertEquals("client-secret", keyring.entries.get("CallCard Companion/portal.oauth.clientSecret"));
        assertEquals(Optional.of("client-secret"), store.read(SecretKeys.OAUTH_CLIENT_SECRET));
        assertEquals("system keyring", store.describe());
    }

    @Test
    void anAbsentEntryReadsAsEmptyAndDeletesQuietly() throws Exception {
        assertEquals(Optional.empty(), store.read(SecretKeys.WEBHOOK_URL));
        store.delete(SecretKeys.WEBHOOK_URL);
        store.write(SecretKeys.WEBHOOK_URL, "u");
        store.delete(SecretKeys.WEBHOOK_URL);
        assertEquals(Optional.empty(), store.read(SecretKeys.WEBHOOK_URL));
    }

    @Test
    void aKeyringThatFailsIsReportedWithTheKeyAndWithoutTheLibrarysMessage() {
        keyring.failWith = "s3cr3t";
        SecretStoreException e = assertThrows(SecretStoreException.class,
                () -> store.write(SecretKeys.OAUTH_ACCESS_TOKEN, "s3cr3t"));
        assertEquals("The system keyring could not write portal.oauth.access (PasswordAccessException)",
                e.getMessage());
        assertNull(e.getCause());
        keyring.failAsRuntime = true;
        assertEquals("The system keyring could not read portal.oauth.access (IllegalStateException)",
                assertThrows(SecretStoreException.class, () -> store.read(SecretKeys.OAUTH_ACCESS_TOKEN))
                        .getMessage());
    }

    @Test
    void aDeleteThatLeavesTheEntryIsAFailure() throws Exception {
        KeyringSecretStore stubborn = new KeyringSecretStore(new FakeKeyring() {
            @Override
            public void deletePassword(String service, String account)
                    throws com.github.javakeyring.PasswordAccessException {
                throw new com.github.javakeyring.PasswordAccessException("locked");
            }
        });
        stubborn.write("k", "v");
        assertThrows(SecretStoreException.class, () -> stubborn.delete("k"));
    }
}
