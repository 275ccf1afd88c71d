package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSaveTest {

    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir);
    }

    private Path file() {
        return dir.resolve(SettingsStore.FILE_NAME);
    }

    private JsonNode tree() throws Exception {
        return new ObjectMapper().readTree(file().toFile());
    }

    @Test
    void savedSettingsWithAPortalLoadBackEqual() throws Exception {
        Settings settings = new Settings(50123, "0.0.0.0", true, PortalSettings.oauth("https://acme.bitrix24.com",
                "local.1a2b", PortalSettings.RateLimit.ENTERPRISE).withMemberId("a223c6b9410f85df78e9377d6c4f7213"), true,
                true);
        store().save(settings);
        assertEquals(settings, store().load());
        assertEquals("enterprise", tree().path("portal").path("rateLimit").asText());
        assertEquals("oauth", tree().path("portal").path("kind").asText());
        assertEquals("0.0.0.0", tree().path("listenerAddress").asText());
        assertTrue(tree().path("offerWidgetCredentials").asBoolean());
        assertTrue(tree().path("importCallRecords").asBoolean());
        assertEquals("a223c6b9410f85df78e9377d6c4f7213", tree().path("portal").path("memberId").asText());
        assertFalse(tree().has("effectiveListenerPort"), "derived values are not stored");
    }

    @Test
    void theFileIsPrettyAndHoldsNoEmptyValues() throws Exception {
        store().save(Settings.DEFAULTS.withPortal(PortalSettings.webhook("https://acme.bitrix24.com", null)));
        String text = Files.readString(file());
        assertTrue(text.contains("\n  \"portal\" : {"), text);
        assertFalse(text.contains("null"), text);
        assertFalse(text.contains("listenerPort"), text);
    }

    @Test
    void keysThisVersionDoesNotKnowSurviveASave() throws Exception {
        Files.writeString(file(), "{\"listenerPort\": 50000, \"theme\": \"dark\", \"portal\": {\"kind\": \"webhook\","
                + " \"portalUrl\": \"https://old.example\", \"region\": \"eu\"}}", StandardCharsets.UTF_8);
        Settings loaded = store().load();
        store().save(loaded.withListenerPort(50001)
                .withPortal(PortalSettings.webhook("https://new.example", PortalSettings.RateLimit.STANDARD)));
        JsonNode tree = tree();
        assertEquals("dark", tree.path("theme").asText());
        assertEquals("eu", tree.path("portal").path("region").asText());
        assertEquals("https://new.example", tree.path("portal").path("portalUrl").asText());
        assertEquals(50001, tree.path("listenerPort").asInt());
    }

    @Test
    void clearedValuesAreRemovedFromTheFile() throws Exception {
        store().save(Settings.DEFAULTS.withListenerPort(50000).withPortal(PortalSettings.oauth("https://a.example", "local.x", null)));
        store().save(Settings.DEFAULTS.withListenerPort(50000).withPortal(PortalSettings.webhook("https://a.example", null)));
        assertFalse(tree().path("portal").has("clientId"));
        store().save(Settings.DEFAULTS);
        assertFalse(tree().has("portal"));
        assertFalse(tree().has("listenerPort"));
    }

    @Test
    void invalidSettingsAreNotSavedAndTheFileStaysAsItWas() throws Exception {
        store().save(Settings.DEFAULTS.withListenerPort(50000));
        String before = Files.readString(file());
        SettingsException e = assertThrows(SettingsException.class, () -> store().save(Settings.DEFAULTS.withPortal(
                PortalSettings.webhook("http://acme.bitrix24.com", null))));
        assertEquals(SettingsException.Reason.INVALID_VALUE, e.reason());
        assertThrows(SettingsException.class, () -> store().save(Settings.DEFAULTS.withListenerPort(70000)));
        assertEquals(before, Files.readString(file()));
    }

    @Test
    void aFileBeingMendedByHandIsNotOverwritten() throws Exception {
        String broken = "{\"listenerPort\": 50000,";
        Files.writeString(file(), broken, StandardCharsets.UTF_8);
        SettingsException e = assertThrows(SettingsException.class, () -> store().save(Settings.DEFAULTS));
        assertEquals(SettingsException.Reason.MALFORMED, e.reason());
        Files.writeString(file(), "[1, 2]", StandardCharsets.UTF_8);
        assertEquals("not a JSON object",
                assertThrows(SettingsException.class, () -> store().save(Settings.DEFAULTS)).detail());
        assertEquals("[1, 2]", Files.readString(file()));
    }

    @Test
    void savingCreatesTheFolderAndLeavesNoTemporaryFile() throws Exception {
        Path nested = dir.resolve("new").resolve("config");
        new SettingsStore(nested).save(Settings.DEFAULTS.withListenerPort(50000));
        for (int i = 0; i < 5; i++) {
            new SettingsStore(nested).save(Settings.DEFAULTS.withListenerPort(50000 + i));
        }
        try (Stream<Path> files = Files.list(nested)) {
            assertEquals(List.of(SettingsStore.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
        assertEquals(50004, new SettingsStore(nested).load().effectiveListenerPort());
    }

    @Test
    void aSaveWhereAFileStandsForTheFolderFailsWithAReason() throws Exception {
        Path occupied = dir.resolve("occupied");
        Files.writeString(occupied, "a file where the folder should be");
        SettingsException e = assertThrows(SettingsException.class,
                () -> new SettingsStore(occupied).save(Settings.DEFAULTS));
        assertEquals(SettingsException.Reason.UNREADABLE, e.reason());
    }

    @Test
    void updatesFromTwoStoresAtOnceKeepBothChanges() throws Exception {
        store().save(Settings.DEFAULTS.withPortal(PortalSettings.webhook("https://acme.bitrix24.com", null)));
        Thread ports = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                int port = 50_000 + i;
                try {
                    new SettingsStore(dir).update(s -> s.withListenerPort(port));
                } catch (SettingsException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        ports.start();
        new SettingsStore(dir).update(s -> s.withPortal(s.portal().withMemberId("a223c6b9410f85df78e9377d6c4f7213")));
        ports.join();
        Settings last = store().load();
        assertEquals(50_199, last.effectiveListenerPort());
        assertEquals("a223c6b9410f85df78e9377d6c4f7213", last.portal().memberId(),
                "the member id written between two port updates survives them");
    }
}
