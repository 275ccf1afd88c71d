package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.FileSecretStore;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which client signs the look-ups about a call: the sandbox's while it plays, the saved portal's, the widget's. */
class LookupCredentialsTest {

    @TempDir
    Path config;

    private final List<PortalClient> made = new ArrayList<>();

    @AfterEach
    void close() {
        made.forEach(PortalClient::close);
    }

    private PortalClient client(String portal) {
        PortalClient client = PortalClient.builder(new PortalCredentials.Webhook(portal, "1", "code1"), "test").build();
        made.add(client);
        return client;
    }

    @Test
    void theSandboxAnswersForItsCallsThenTheSavedPortalThenTheWidgetsPair() {
        PortalClient saved = client("https://saved.bitrix24.test");
        PortalClient sandbox = client("http://127.0.0.1:1");
        PortalClient widget = client("https://widget.bitrix24.test");
        LookupCredentials withSaved = new LookupCredentials(saved, () -> Optional.of(widget));
        assertSame(saved, withSaved.get().orElseThrow());
        withSaved.useSandbox(sandbox);
        assertSame(sandbox, withSaved.get().orElseThrow(), "sandbox calls are in the sandbox's records only");
        withSaved.useSandbox(null);
        assertSame(saved, withSaved.get().orElseThrow(), "the saved connection wins over the widget's pair");

        assertSame(widget, new LookupCredentials(null, () -> Optional.of(widget)).get().orElseThrow());
        assertTrue(new LookupCredentials(null, Optional::empty).get().isEmpty());
    }

    @Test
    void crmPagesOpenOnThePortalThatAnswersButNeverOnTheSandbox() {
        PortalClient saved = client("https://saved.bitrix24.test");
        PortalClient widget = client("https://widget.bitrix24.test");
        LookupCredentials withSaved = new LookupCredentials(saved, () -> Optional.of(widget));
        assertEquals(Optional.of("https://saved.bitrix24.test"), withSaved.portalOrigin());
        withSaved.useSandbox(client("http://127.0.0.1:1"));
        assertEquals(Optional.empty(), withSaved.portalOrigin(), "the sandbox has no CRM pages");

        assertEquals(Optional.of("https://widget.bitrix24.test"),
                new LookupCredentials(null, () -> Optional.of(widget)).portalOrigin());
        assertEquals(Optional.empty(), new LookupCredentials(null, Optional::empty).portalOrigin());
    }

    @Test
    void theSavedPortalsClientIsMadeFromItsSecretOrNotAtAll() throws Exception {
        FileSecretStore secrets = FileSecretStore.open(config);
        PortalSettings portal = PortalSettings.webhook("https://acme.bitrix24.test", PortalSettings.RateLimit.STANDARD);
        assertNull(LookupCredentials.savedClient(null, secrets), "no portal saved");
        assertNull(LookupCredentials.savedClient(portal, secrets), "its webhook is missing from the secrets");

        secrets.write(SecretKeys.WEBHOOK_URL, "https://acme.bitrix24.test/rest/1/abc123/");
        PortalClient client = LookupCredentials.savedClient(portal, secrets);
        assertNotNull(client);
        made.add(client);
        assertEquals("https://acme.bitrix24.test", client.credentials().portal());
    }
}
