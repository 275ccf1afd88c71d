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
import java.util.Set;
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
    void eachScopeTheCompanionUsesIsSaidWithWhatItGives() {
        portal = SandboxRestServer.builder().start();
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", portal.webhookUrl(), "--lang", "en");
        assertEquals(PortalTestCommand.PASSED, run.exitCode(), run.all());
        assertTrue(run.out().contains("  crm:           CRM names on the card, notes to the CRM timeline"), run.out());
        assertTrue(run.out().contains("  telephony:     call outcomes from the portal's call records"), run.out());
        assertFalse(run.out().contains("MISSING"), run.out());
        assertTrue(run.out().endsWith("Connection test passed." + System.lineSeparator()), run.out());
    }

    @Test
    void aWebhookWithoutAScopeStillPassesAndSaysWhatItTakesAway() {
        portal = SandboxRestServer.builder().start();
        String code = "a1b2c3d4e5f60718";
        portal.addWebhook(code, Set.of("user", "crm"));
        String narrow = portal.webhookUrl().replace(codeOf(portal.webhookUrl()), code);
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", narrow, "--lang", "en");
        assertEquals(PortalTestCommand.PASSED, run.exitCode(), run.all());
        assertTrue(run.out().contains("Scopes:          crm, user"), run.out());
        assertTrue(run.out().contains("  crm:           CRM names on the card"), run.out());
        assertTrue(run.out().contains("  telephony:     MISSING: no call outcomes from the portal's call records. Add"
                + " \u201ctelephony\u201d to the webhook's permissions in Bitrix24."), run.out());
        assertTrue(run.out().contains("Connection test passed, but without: telephony."), run.out());
        assertFalse(run.all().contains(code), "the webhook's secret code is never printed");
    }

    @Test
    void theScopeLinesAreSaidInRussianToo() {
        portal = SandboxRestServer.builder().start();
        String code = "0f1e2d3c4b5a6978";
        portal.addWebhook(code, Set.of("user", "telephony"));
        String narrow = portal.webhookUrl().replace(codeOf(portal.webhookUrl()), code);
        CliRun run = CliRun.of(new PortalTestCommand(), "--webhook", narrow, "--lang", "ru");
        assertEquals(PortalTestCommand.PASSED, run.exitCode(), run.all());
        assertTrue(run.out().contains("  crm:           НЕТ: без имён из CRM"), run.out());
        assertTrue(run.out().contains("Проверка подключения пройдена, но без прав: crm."), run.out());
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
