package io.callcard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.AppPaths;
import io.callcard.config.PortalSettings;
import io.callcard.config.SettingsStore;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portal connect}, then {@code portal test} on what it saved, then {@code portal disconnect}. */
class PortalConnectCommandTest {

    @TempDir
    Path home;

    private final SandboxRestServer portal = SandboxRestServer.builder().start();

    @AfterEach
    void stop() {
        portal.close();
    }

    private CliRun connect(String typed, String... args) {
        return CliRun.of(new PortalConnectCommand(new SecretPrompt(new BufferedReader(new StringReader(typed)))),
                args);
    }

    private PortalSettings saved() throws Exception {
        return new SettingsStore(AppPaths.underHome(home).configDir()).load().portal();
    }

    @Test
    void aTypedWebhookIsTestedSavedAndThenUsedByPortalTest() throws Exception {
        CliRun run = connect(portal.webhookUrl() + "\n", "--home", home.toString(), "--lang", "en", "--enterprise");
        assertEquals(PortalConnectCommand.CONNECTED, run.exitCode(), run.all());
        assertTrue(run.out().startsWith("Connected to "), run.out());
        assertFalse(run.all().contains(portal.webhookUrl()), "the webhook (a secret) is not echoed");
        assertEquals(PortalSettings.RateLimit.ENTERPRISE, saved().rateLimit());

        CliRun test = CliRun.of(new PortalTestCommand(), "--home", home.toString(), "--lang", "en");
        assertEquals(PortalTestCommand.PASSED, test.exitCode(), test.all());

        CliRun gone = CliRun.of(new PortalDisconnectCommand(), "--home", home.toString(), "--lang", "en");
        assertEquals(PortalConnectCommand.CONNECTED, gone.exitCode(), gone.all());
        assertNull(saved());
        CliRun nothing = CliRun.of(new PortalTestCommand(), "--home", home.toString(), "--lang", "en");
        assertEquals(PortalTestCommand.NOTHING_TO_TEST, nothing.exitCode());
    }

    @Test
    void aRefusedWebhookSavesNothingAndSaysWhy() throws Exception {
        String wrong = portal.webhookUrl().replaceAll("/rest/(\\d+)/[^/]+/", "/rest/$1/wrongcode123/");
        CliRun run = connect(wrong + "\n", "--home", home.toString(), "--lang", "ru");
        assertEquals(PortalConnectCommand.REFUSED, run.exitCode());
        assertTrue(run.err().contains("Ничего не сохранено"), run.err());
        assertFalse(run.all().contains("wrongcode123"), "no part of the pasted secret is repeated");
        assertNull(saved());
    }

    @Test
    void nothingTypedIsRefused() throws Exception {
        CliRun run = connect("", "--home", home.toString(), "--lang", "en");
        assertEquals(PortalConnectCommand.REFUSED, run.exitCode());
        assertTrue(run.err().contains("Paste the inbound webhook address"), run.err());
        assertNull(saved());
    }
}
