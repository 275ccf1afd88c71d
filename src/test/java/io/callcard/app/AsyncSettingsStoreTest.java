package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.PortalSettings;
import io.callcard.config.Settings;
import io.callcard.config.SettingsStore;
import io.callcard.ui.Messages;
import io.callcard.ui.settings.RateLimitChoice;
import io.callcard.ui.settings.SaveResult;
import io.callcard.ui.settings.SavedSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings window's adapter to {@code settings.json}, on a real file. */
class SettingsFileTest {

    @TempDir
    Path dir;

    private AsyncSettingsStore file() {
        return new AsyncSettingsStore(dir, Messages.forLocale(Locale.ENGLISH), Runnable::run);
    }

    @Test
    void nothingSavedShowsTheDefaults() throws Exception {
        SavedSettings shown = file().load().get();
        assertEquals(Settings.DEFAULT_LISTENER_PORT, shown.listenerPort());
        assertFalse(shown.offerWidgetCredentials());
        assertFalse(shown.followCallsToEnd());
        assertNull(shown.portalHost());
        assertEquals("", shown.problem());
    }

    @Test
    void savingWritesThePortTheOfferAndTheSavedPortalsPlanAndKeepsTheRest() throws Exception {
        new SettingsStore(dir).save(Settings.DEFAULTS.withListenerAddress("127.0.0.1").withPortal(
                PortalSettings.webhook("https://acme.bitrix24.com", null).withMemberId(
                        "a223c6b9410f85df78e9377d6c4f7213")));
        SaveResult result = file().save(50123, "127.0.0.1", true, true, true, RateLimitChoice.ENTERPRISE).get();
        assertTrue(result.saved(), result.words());
        Settings now = new SettingsStore(dir).load();
        assertEquals(50123, now.effectiveListenerPort());
        assertTrue(now.effectiveOfferWidgetCredentials());
        assertTrue(now.effectiveFollowCallsToEnd());
        assertTrue(now.effectiveImportCallRecords());
        assertEquals(PortalSettings.RateLimit.ENTERPRISE, now.portal().rateLimit());
        assertEquals("a223c6b9410f85df78e9377d6c4f7213", now.portal().memberId());
        assertEquals("127.0.0.1", now.listenerAddress());
        SavedSettings shown = file().load().get();
        assertEquals("acme.bitrix24.com", shown.portalHost());
        assertEquals(RateLimitChoice.ENTERPRISE, shown.rateLimit());
        assertTrue(shown.followCallsToEnd());
        assertTrue(shown.importCallRecords());
    }

    @Test
    void aBrokenFileIsReportedAndLeftAlone() throws Exception {
        Path settings = new SettingsStore(dir).file();
        Files.writeString(settings, "{ not json", StandardCharsets.UTF_8);
        SaveResult result = file().save(50123, null, false, false, false, RateLimitChoice.STANDARD).get();
        assertFalse(result.saved());
        assertTrue(result.words().contains(settings.toString()), result.words());
        assertEquals("{ not json", Files.readString(settings, StandardCharsets.UTF_8));
        assertFalse(file().load().get().problem().isEmpty(), "the window says the file is not used");
    }

    @Test
    void theListenerAddressIsSavedAndShownAndAHostNameIsRefusedWithNothingChanged() throws Exception {
        assertTrue(file().save(50123, "192.168.1.20", false, false, false, RateLimitChoice.STANDARD).get().saved());
        assertEquals("192.168.1.20", new SettingsStore(dir).load().listenerAddress());
        assertEquals("192.168.1.20", file().load().get().listenerAddress());

        SaveResult refused = file().save(50124, "callcard.example", false, false, false, RateLimitChoice.STANDARD).get();
        assertFalse(refused.saved(), refused.words());
        Settings kept = new SettingsStore(dir).load();
        assertEquals("192.168.1.20", kept.listenerAddress());
        assertEquals(50123, kept.effectiveListenerPort());

        assertTrue(file().save(50123, null, false, false, false, RateLimitChoice.STANDARD).get().saved());
        assertNull(file().load().get().listenerAddress(), "empty means the default, loopback");
    }
}
