package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The portal part of {@code settings.json}: what is accepted, and each refusal with its reason. */
class SettingsPortalTest {

    @TempDir
    Path dir;

    private Settings load(String json) throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), json, StandardCharsets.UTF_8);
        return new SettingsStore(dir).load();
    }

    private String refusal(String portalJson) {
        SettingsException e = assertThrows(SettingsException.class, () -> load("{\"portal\": " + portalJson + "}"));
        assertEquals(SettingsException.Reason.INVALID_VALUE, e.reason(), e.detail());
        return e.detail();
    }

    @Test
    void aWebhookPortalIsRead() throws Exception {
        PortalSettings p = load("{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"https://acme.bitrix24.com\"}}")
                .portal();
        assertEquals(PortalSettings.webhook("https://acme.bitrix24.com", null), p);
        assertEquals(PortalSettings.RateLimit.STANDARD, p.effectiveRateLimit());
    }

    @Test
    void anOAuthPortalIsRead() throws Exception {
        PortalSettings p = load("{\"portal\": {\"kind\": \"oauth\", \"portalUrl\": \"https://acme.bitrix24.de/\","
                + " \"clientId\": \"local.65a1b2\", \"rateLimit\": \"enterprise\", \"newKey\": 1}}").portal();
        assertEquals(PortalSettings.oauth("https://acme.bitrix24.de/", "local.65a1b2",
                PortalSettings.RateLimit.ENTERPRISE), p);
    }

    @Test
    void noPortalMeansTheSandbox() throws Exception {
        assertNull(load("{\"listenerPort\": 50000}").portal());
        assertNull(Settings.DEFAULTS.portal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9000/", "http://[::1]:7000",
        "https://acme.bitrix24.com:8443"})
    void plainHttpIsAcceptedOnlyOnThisMachine(String url) throws Exception {
        assertEquals(url, load("{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"" + url + "\"}}")
                .portal().portalUrl());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"kind\": \"password\", \"portalUrl\": \"https://a.example\"}"
            + "|portal.kind must be one of \"webhook\", \"oauth\"",
        "{\"kind\": \"webhook\", \"portalUrl\": \"https://a.example\", \"rateLimit\": \"unlimited\"}"
            + "|portal.rateLimit must be one of \"standard\", \"enterprise\"",
        "{\"portalUrl\": \"https://a.example\"}|portal.kind is required: \"webhook\" or \"oauth\"",
        "{\"kind\": \"webhook\"}|portal.portalUrl is required",
        "{\"kind\": \"webhook\", \"portalUrl\": \"  \"}|portal.portalUrl is required",
        "{\"kind\": \"webhook\", \"portalUrl\": \"http://acme.bitrix24.com\"}"
            + "|portal.portalUrl must use https (plain http only for this machine), host was acme.bitrix24.com",
        "{\"kind\": \"webhook\", \"portalUrl\": \"http://127.0.0.1.nip.io\"}"
            + "|portal.portalUrl must use https (plain http only for this machine), host was 127.0.0.1.nip.io",
        "{\"kind\": \"webhook\", \"portalUrl\": \"http://127.0.0.256\"}"
            + "|portal.portalUrl is not a web address (no host)",
        "{\"kind\": \"webhook\", \"portalUrl\": \"ftp://acme.bitrix24.com\"}|portal.portalUrl must start with https://",
        "{\"kind\": \"webhook\", \"portalUrl\": \"acme.bitrix24.com\"}|portal.portalUrl must start with https://",
        "{\"kind\": \"webhook\", \"portalUrl\": \"https://\"}|portal.portalUrl is not a web address",
        "{\"kind\": \"webhook\", \"portalUrl\": \"https:///path\"}|portal.portalUrl is not a web address (no host)",
        "{\"kind\": \"webhook\", \"portalUrl\": \"https://a.example/rest/1/abc/\"}"
            + "|portal.portalUrl must be the portal's address only (https://host[:port]), without a path;"
            + " a webhook URL is a secret and is kept in the secret store",
        "{\"kind\": \"webhook\", \"portalUrl\": \"https://a.example?auth=x\"}"
            + "|portal.portalUrl must be the portal's address only (https://host[:port]), without a path;"
            + " a webhook URL is a secret and is kept in the secret store",
        "{\"kind\": \"webhook\", \"portalUrl\": \"https://user:pw@a.example\"}"
            + "|portal.portalUrl must be the portal's address only (https://host[:port]), without a path;"
            + " a webhook URL is a secret and is kept in the secret store",
        "{\"kind\": \"oauth\", \"portalUrl\": \"https://a.example\"}"
            + "|portal.clientId is required when portal.kind is \"oauth\"",
    })
    void everyInvalidPortalSettingIsRefusedWithItsReason(String portal, String detail) {
        assertEquals(detail, refusal(portal));
    }

    @Test
    void aPortalOfTheWrongShapeIsMalformed() {
        SettingsException e = assertThrows(SettingsException.class, () -> load("{\"portal\": \"https://a.example\"}"));
        assertEquals(SettingsException.Reason.MALFORMED, e.reason());
    }
}
