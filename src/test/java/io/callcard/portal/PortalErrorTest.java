package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PortalErrorTest {

    private static Properties bundle(String language) throws IOException {
        try (InputStream in = PortalErrorTest.class.getResourceAsStream(
                "/io/callcard/i18n/messages_" + language + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyErrorAndWebhookRefusalHasWordsInBothLanguages() throws IOException {
        for (String language : new String[] {"en", "ru"}) {
            Properties words = bundle(language);
            for (PortalError e : PortalError.values()) {
                assertFalse(words.getProperty(e.messageKey(), "").isBlank(), language + " " + e.messageKey());
            }
            for (WebhookUrlException.Reason r : WebhookUrlException.Reason.values()) {
                assertFalse(words.getProperty("portal.webhook." + r.name(), "").isBlank(), language + " " + r);
            }
        }
    }

    @Test
    void everyDocumentedCodeHasItsOwnConstant() {
        Set<PortalError> seen = new TreeSet<>();
        for (BitrixExamples.DocumentedError d : BitrixExamples.documentedErrors()) {
            PortalError e = PortalError.fromWireCode(d.code());
            assertEquals(d.code(), e.wireCode());
            seen.add(e);
        }
        // 21 entries, ACCESS_DENIED twice; expired_token's twin invalid_token and invalid_grant come from protocol.md.
        assertEquals(20, seen.size());
        assertEquals(PortalError.INVALID_TOKEN, PortalError.fromWireCode("invalid_token"));
        assertEquals(PortalError.INVALID_GRANT, PortalError.fromWireCode("invalid_grant"));
        assertEquals(PortalError.INVALID_CLIENT, PortalError.fromWireCode("invalid_client"));
        assertEquals(PortalError.ERROR_METHOD_NOT_FOUND, PortalError.fromWireCode("ERROR_METHOD_NOT_FOUND"));
        assertEquals(PortalError.LEGACY_EMPTY_CODE, PortalError.fromWireCode(""));
        assertEquals(PortalError.UNKNOWN_CODE, PortalError.fromWireCode("SOMETHING_NEW"));
    }

    @Test
    void flagsSayWhoActs() {
        assertTrue(PortalError.QUERY_LIMIT_EXCEEDED.retryable());
        assertFalse(PortalError.QUERY_LIMIT_EXCEEDED.needsUserAction());
        assertTrue(PortalError.INVALID_GRANT.needsUserAction());
        assertTrue(PortalError.INVALID_CLIENT.needsUserAction());
        assertTrue(PortalError.INSUFFICIENT_SCOPE.needsUserAction());
        assertTrue(PortalError.TIMEOUT.retryable());
        assertTrue(PortalError.TLS_FAILURE.isTransport());
        assertFalse(PortalError.NOT_FOUND.isTransport());
        assertEquals("portal.error.DNS_FAILURE", PortalError.DNS_FAILURE.messageKey());
    }
}
