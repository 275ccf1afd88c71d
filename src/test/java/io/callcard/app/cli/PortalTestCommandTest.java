package io.callcard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.AppPaths;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStores;
import io.callcard.config.Settings;
import io.callcard.config.SettingsStore;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callcard portal test} against the sandbox portal over real loopback HTTP. */
class PortalTestCommandTest {

    @TempDir
    Path home;

    private SandboxRestServer portal;

    @AfterEach
    void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    private static String codeOf(String webhookUrl) {
        String[] parts = webhookUrl.split("/");
        return parts[parts.length - 1];
    }

    @Test
    void aWorkingWebhookPassesAndSaysTheSeedTransportIsNotOffered() {
        portal = SandboxRestServer.builder().start();
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", portal.webhookUrl(), "--lang", "en");
        assertEquals(PortalTestCommand.PASSED, run.exitCode(), run.all());
        assertTrue(run.out().contains("Portal:          127.0.0.1"), run.out());
        assertTrue(run.out().contains("(id 1)"), run.out());
        assertTrue(run.out().matches("(?s).*Scopes: .*telephony.*"), run.out());
        assertTrue(run.out().contains("Seed transport:  not offered. This portal does not offer the call card over"
                + " REST"), run.out());
        assertTrue(run.out().contains("Connection test passed."));
        assertFalse(run.all().contains(codeOf(portal.webhookUrl())), "the webhook's secret code is never printed");
    }

    @Test
    void aPortalThatStillAcceptsTheSeedTransportIsReportedSo() {
        portal = SandboxRestServer.builder().legacyPlacementRest(true).start();
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", portal.webhookUrl(), "--lang", "en");
        assertEquals(PortalTestCommand.PASSED, run.exitCode(), run.all());
        assertTrue(run.out().contains("Seed transport:  offered"), run.out());
    }

    @Test
    void aWrongWebhookCodeFailsWithTheTypedErrorAndWhatToDo() {
        portal = SandboxRestServer.builder().start();
        String wrong = portal.webhookUrl().replace(codeOf(portal.webhookUrl()), "wrongcode123");
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", wrong, "--lang", "en");
        assertEquals(PortalTestCommand.FAILED, run.exitCode(), run.all());
        assertTrue(run.err().contains("Connection test failed. The portal did not recognise the connection"
                + " details."), run.err());
        assertTrue(run.err().contains("(error NO_AUTH_FOUND, HTTP 401)"), run.err());
        assertFalse(run.all().contains("wrongcode123"));
    }

    @Test
    void aPortalThatDoesNotAnswerIsATransportFailure() throws Exception {
        portal = SandboxRestServer.builder().start();
        String url = portal.webhookUrl();
        portal.close();
        portal = null;
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", url, "--lang", "en");
        assertEquals(PortalTestCommand.FAILED, run.exitCode(), run.all());
        assertTrue(run.err().contains("(error CONNECTION_REFUSED, no answer from the portal)"), run.err());
    }

    @Test
    void aPastedAddressThatIsNotAWebhookIsRefusedBeforeAnyRequest() {
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", "http://portal.example.com/rest/1/abc/",
                "--lang", "en");
        assertEquals(PortalTestCommand.NOTHING_TO_TEST, run.exitCode());
        assertTrue(run.err().contains("must start with https://"), run.err());
    }

    @Test
    void theSavedConnectionIsTestedWhenNoWebhookIsGiven() throws Exception {
        portal = SandboxRestServer.builder().start();
        AppPaths paths = AppPaths.underHome(home);
        new SettingsStore(paths.configDir()).save(Settings.DEFAULTS.withPortal(
                PortalSettings.webhook(portal.baseUri().toString(), null)));
        SecretStores.open(paths.configDir()).write(SecretKeys.WEBHOOK_URL, portal.webhookUrl());
        CliRun run = CliRun.of(new PortalTestCommand(), "--home", home.toString(), "--lang", "en");
        assertEquals(PortalTestCommand.PASSED, run.exitCode(), run.all());
        assertTrue(run.out().contains("Connection test passed."));
    }

    @Test
    void nothingSavedSaysHowToConnect() {
        CliRun run = CliRun.of(new PortalTestCommand(), "--home", home.toString(), "--lang", "en");
        assertEquals(PortalTestCommand.NOTHING_TO_TEST, run.exitCode());
        assertTrue(run.err().contains("No portal is saved yet."), run.err());
    }

    @Test
    void aSavedPortalWithoutItsSecretSaysSo() throws Exception {
        AppPaths paths = AppPaths.underHome(home);
        new SettingsStore(paths.configDir()).save(Settings.DEFAULTS.withPortal(
                PortalSettings.webhook("https://example.bitrix24.com/", null)));
        CliRun run = CliRun.of(new PortalTestCommand(), "--home", home.toString(), "--lang", "ru");
        assertEquals(PortalTestCommand.NOTHING_TO_TEST, run.exitCode());
        assertTrue(run.err().contains("Портал сохранён, но его секрет не найден"), run.err());
    }
}
