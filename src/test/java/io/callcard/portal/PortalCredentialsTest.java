package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortalCredentialsTest {

    @Test
    void aWebhookPrintsWithoutItsCode() throws WebhookUrlException {
        PortalCredentials.Webhook w = WebhookUrl.parse("https://portal.bitrix24.com/rest/7/s3cretCode42/");
        assertEquals("https://portal.bitrix24.com", w.portal());
        assertEquals("7", w.userId());
        assertEquals("s3cretCode42", w.code());
        assertFalse(w.toString().contains("s3cretCode42"), w.toString());
        assertTrue(w.toString().contains("portal.bitrix24.com"));
    }

    @Test
    void anOAuthPairPrintsWithoutTokensOrClientSecret() {
        PortalCredentials.OAuth o = new PortalCredentials.OAuth("https://portal.bitrix24.com/", "acc3ssTokenValue",
                "r3freshTokenValue", "local.app.1", "cl1entSecretValue");
        assertEquals("https://portal.bitrix24.com", o.portal());
        assertEquals("https://portal.bitrix24.com/rest/", o.restBase());
        for (String secret : new String[] {"acc3ssTokenValue", "r3freshTokenValue", "cl1entSecretValue"}) {
            assertFalse(o.toString().contains(secret), o.toString());
        }
        PortalCredentials.OAuth refreshed = o.withTokens("n3wAccess", "n3wRefresh");
        assertFalse(refreshed.toString().contains("n3wAccess"));
        assertFalse(refreshed.toString().contains("n3wRefresh"));
        assertEquals("local.app.1", refreshed.clientId());
    }

    @Test
    void anOAuthPortalMustBeHttpsUnlessOnThisMachine() {
        assertThrows(IllegalArgumentException.class,
                () -> new PortalCredentials.OAuth("http://portal.bitrix24.com", "a", "r", "id", "s"));
        assertThrows(IllegalArgumentException.class,
                () -> new PortalCredentials.OAuth("https://portal.bitrix24.com/rest/", "a", "r", "id", "s"));
        assertEquals("http://127.0.0.1:8080",
                new PortalCredentials.OAuth("http://127.0.0.1:8080/", "a", "r", "id", "s").portal());
    }
}
