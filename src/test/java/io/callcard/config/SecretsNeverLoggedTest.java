package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A distinctive secret goes through every path of the secret stores and the settings, failures first, with every
 * logger at its most talkative: it appears in no log line, no exception message, no stack trace, no toString.
 */
class SecretsNeverLoggedTest {

    private static final String SECRET = "Zq7SECRETx91k";
    private static final String WEBHOOK = "https://acme.bitrix24.com/rest/1/" + SECRET + "/";

    @TempDir
    Path dir;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Throwable> thrown = new ArrayList<>();
    private Level before;

    @BeforeEach
    void capture() {
        before = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(before);
    }

    private void failure(Executable action) {
        thrown.add(assertThrows(Exception.class, action));
    }

    @Test
    void noSecretLeavesTheStores() throws Exception {
        FileSecretStore file = FileSecretStore.open(dir);
        file.write(SecretKeys.WEBHOOK_URL, WEBHOOK);
        file.read(SecretKeys.WEBHOOK_URL);
        Path secrets = file.file();
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
        FileSecretStore.open(dir).read(SecretKeys.WEBHOOK_URL);

        Files.writeString(secrets, "{\"portal.webhook.url\": " + SECRET + "}", StandardCharsets.UTF_8);
        failure(() -> file.read(SecretKeys.WEBHOOK_URL));
        failure(() -> file.write(SecretKeys.OAUTH_ACCESS_TOKEN, SECRET));
        Files.writeString(secrets, "[\"" + SECRET + "\"]", StandardCharsets.UTF_8);
        failure(() -> file.read(SecretKeys.WEBHOOK_URL));
        Files.writeString(secrets, "{\"k\": {\"nested\": \"" + SECRET + "\"}}", StandardCharsets.UTF_8);
        failure(() -> file.read("k"));
        Path occupied = dir.resolve("occupied");
        Files.writeString(occupied, "not a folder");
        failure(() -> FileSecretStore.open(occupied).write(SecretKeys.OAUTH_REFRESH_TOKEN, SECRET));

        FakeKeyring keyring = new FakeKeyring();
        KeyringSecretStore store = new KeyringSecretStore(keyring);
        store.write(SecretKeys.OAUTH_CLIENT_SECRET, SECRET);
        store.read(SecretKeys.OAUTH_CLIENT_SECRET);
        store.read("absent");
        keyring.failWith = SECRET;
        failure(() -> store.write(SecretKeys.OAUTH_CLIENT_SECRET, SECRET));
        keyring.failAsRuntime = true;
        failure(() -> store.delete(SecretKeys.OAUTH_CLIENT_SECRET));
        failure(() -> store.read(SecretKeys.OAUTH_CLIENT_SECRET));
        failure(() -> store.write(SecretKeys.OAUTH_CLIENT_SECRET, SECRET));

        SecretStores.open(dir.resolve("a"), () -> {
            throw new IllegalStateException("keyring refused " + SECRET);
        }, Duration.ofSeconds(2));
        SecretStores.open(dir.resolve("b"), () -> store, Duration.ofSeconds(2));

        assertNoSecret(List.of(file, store, FileSecretStore.open(dir)));
        assertTrue(captured.list.stream().anyMatch(e -> e.getLevel() == Level.WARN),
                "the widened secrets file was not reported");
    }

    @Test
    void noSecretLeavesTheSettings() throws Exception {
        SettingsStore settings = new SettingsStore(dir);
        Path json = settings.file();
        for (String text : List.of(
                "{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"" + WEBHOOK + "\"}}",
                "{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"http://acme.example/?auth=" + SECRET + "\"}}",
                "{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"ftp://" + SECRET + "\"}}",
                "{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"https://x y/" + SECRET + "\"}}",
                "{\"portal\": {\"kind\": \"" + SECRET + "\", \"portalUrl\": \"https://acme.example\"}}",
                "{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"https://a.example\", \"rateLimit\": \""
                        + SECRET + "\"}}",
                "{\"portal\": " + SECRET + "}",
                "{\"listenerPort\": \"" + SECRET + "\"}")) {
            Files.writeString(json, text, StandardCharsets.UTF_8);
            failure(settings::load);
        }
        failure(() -> settings.save(Settings.DEFAULTS.withPortal(PortalSettings.webhook(WEBHOOK, null))));
        Files.writeString(json, "{ " + SECRET, StandardCharsets.UTF_8);
        failure(() -> settings.save(Settings.DEFAULTS));
        assertNoSecret(List.of(settings, Settings.DEFAULTS.withPortal(PortalSettings.webhook(
                "https://acme.bitrix24.com", PortalSettings.RateLimit.ENTERPRISE))));
    }

    private void assertNoSecret(List<Object> objects) {
        assertFalse(thrown.isEmpty());
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertFalse(line.contains(SECRET), line);
        }
        for (Throwable t : thrown) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains(SECRET), trace.toString());
            if (t instanceof SettingsException) {
                assertFalse(((SettingsException) t).detail().contains(SECRET));
            }
        }
        for (Object o : objects) {
            assertFalse(o.toString().contains(SECRET), o.toString());
        }
    }
}
