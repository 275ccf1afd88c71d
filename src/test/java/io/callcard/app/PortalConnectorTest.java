package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.FileSecretStore;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStore;
import io.callcard.config.Settings;
import io.callcard.config.SettingsStore;
import io.callcard.portal.PortalClient;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.ui.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting by webhook against the sandbox portal over real HTTP, with real files for settings and secrets. */
class PortalConnectorTest {

    @TempDir
    Path dir;

    private final SandboxRestServer portal = SandboxRestServer.builder().start();
    private final Messages english = Messages.forLocale(Locale.ENGLISH);

    @AfterEach
    void stop() {
        portal.close();
    }

    private SettingsStore settings() {
        return new SettingsStore(dir);
    }

    private SecretStore secrets() {
        return FileSecretStore.open(dir);
    }

    private PortalConnector connector() {
        return new PortalConnector(settings(), secrets(), pair -> PortalClient.builder(pair, "test").build());
    }

    @Test
    void aWebhookThePortalAcceptsIsSavedSettingsAndSecretApart() throws Exception {
        PortalConnector.Outcome outcome = connector().connectWebhook("  " + portal.webhookUrl() + " ",
                PortalSettings.RateLimit.ENTERPRISE);
        assertTrue(outcome.connected(), outcome.words(english));
        assertTrue(outcome.words(english).startsWith("Connected to "), outcome.words(english));
        PortalSettings saved = settings().load().portal();
        assertEquals(PortalSettings.Kind.WEBHOOK, saved.kind());
        assertEquals(PortalSettings.RateLimit.ENTERPRISE, saved.rateLimit());
        assertEquals(Optional.of(portal.webhookUrl()), secrets().read(SecretKeys.WEBHOOK_URL));
        String code = portal.webhookUrl().replaceAll(".*/rest/\\d+/([^/]+)/", "$1");
        assertFalse(Files.readString(settings().file(), StandardCharsets.UTF_8).contains(code),
                "the webhook's code is a secret: not in settings.json");
    }

    @Test
    void aWebhookThePortalRefusesChangesNothing() throws Exception {
        String wrongCode = portal.webhookUrl().replaceAll("/rest/(\\d+)/[^/]+/", "/rest/$1/wrongcode123/");
        PortalConnector.Outcome outcome = connector().connectWebhook(wrongCode, null);
        assertFalse(outcome.connected());
        assertTrue(outcome.words(english).contains("did not accept this webhook"), outcome.words(english));
        assertTrue(outcome.words(english).endsWith("Nothing was saved."), outcome.words(english));
        assertFalse(Files.exists(settings().file()));
        assertEquals(Optional.empty(), secrets().read(SecretKeys.WEBHOOK_URL));
    }

    @Test
    void somethingThatIsNoWebhookIsRefusedBeforeAnyRequest() throws Exception {
        PortalConnector.Outcome outcome = connector().connectWebhook("http://portal.example.com/rest/1/abc/", null);
        assertFalse(outcome.connected());
        assertTrue(outcome.words(english).contains("must start with https://"), outcome.words(english));
        assertNull(settings().load().portal());
    }

    @Test
    void aBrokenSettingsFileIsNeverOverwritten() throws Exception {
        Files.writeString(settings().file(), "{ broken", StandardCharsets.UTF_8);
        PortalConnector.Outcome outcome = connector().connectWebhook(portal.webhookUrl(), null);
        assertFalse(outcome.connected());
        assertTrue(outcome.words(english).contains("cannot be used"), outcome.words(english));
        assertEquals("{ broken", Files.readString(settings().file(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), secrets().read(SecretKeys.WEBHOOK_URL));
    }

    @Test
    void disconnectForgetsThePortalAndItsSecretsButKeepsTheRest() throws Exception {
        settings().save(Settings.DEFAULTS.withListenerPort(50123));
        connector().connectWebhook(portal.webhookUrl(), null);
        secrets().write(SecretKeys.APPLICATION_TOKEN, "0123456789abcdef0123");
        PortalConnector.Outcome outcome = connector().disconnect();
        assertTrue(outcome.connected());
        assertNull(settings().load().portal());
        assertEquals(50123, settings().load().effectiveListenerPort());
        assertEquals(Optional.empty(), secrets().read(SecretKeys.WEBHOOK_URL));
        assertEquals(Optional.empty(), secrets().read(SecretKeys.APPLICATION_TOKEN));
    }
}
