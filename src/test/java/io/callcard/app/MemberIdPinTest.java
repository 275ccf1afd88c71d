package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.PortalSettings;
import io.callcard.config.Settings;
import io.callcard.config.SettingsStore;
import io.callcard.listener.WidgetAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberIdPinTest {

    private static final String MEMBER = "da45a03b265edd8787f8a258d793cc5d";

    @TempDir
    Path dir;

    private final List<String> notSaved = new ArrayList<>();

    private SettingsStore store() {
        return new SettingsStore(dir);
    }

    private static WidgetAuth load(String domain, String member) {
        return new WidgetAuth(domain, "access", "refresh", Instant.now().plusSeconds(3600), null, member);
    }

    private Settings savedWithPortal() throws Exception {
        Settings settings = Settings.DEFAULTS.withPortal(PortalSettings.webhook("https://acme.bitrix24.com", null));
        store().save(settings);
        return settings;
    }

    @Test
    void theFirstLoadFromTheConfiguredPortalSavesItsMemberIdOnce() throws Exception {
        MemberIdPin pin = new MemberIdPin(store(), savedWithPortal(), Runnable::run, notSaved::add);
        pin.accept(load("acme.bitrix24.com", MEMBER));
        assertEquals(MEMBER, store().load().portal().memberId());
        pin.accept(load("acme.bitrix24.com", "0123456789abcdef0123456789abcdef"));
        assertEquals(MEMBER, store().load().portal().memberId(), "pinned once; a later id changes nothing");
        assertEquals(List.of(), notSaved);
    }

    @Test
    void anotherDomainOrSomethingThatIsNoMemberIdIsNotSaved() throws Exception {
        MemberIdPin pin = new MemberIdPin(store(), savedWithPortal(), Runnable::run, notSaved::add);
        pin.accept(load("evil.bitrix24.com", MEMBER));
        pin.accept(load("acme.bitrix24.com", "sandbox"));
        assertNull(store().load().portal().memberId());
        pin.accept(load("acme.bitrix24.com:443", MEMBER));
        assertEquals(MEMBER, store().load().portal().memberId(), "DOMAIN may carry a port");
    }

    @Test
    void withoutAConfiguredPortalNothingIsWritten() throws Exception {
        new MemberIdPin(store(), Settings.DEFAULTS, Runnable::run, notSaved::add).accept(load("acme.bitrix24.com", MEMBER));
        assertEquals(Settings.DEFAULTS, store().load());
    }

    @Test
    void aPortalChangedSinceStartUpIsNotGivenTheOldPortalsMemberId() throws Exception {
        Settings atStart = savedWithPortal();
        // meanwhile the settings window connected another portal and changed the port
        store().save(Settings.DEFAULTS.withListenerPort(50123)
                .withPortal(PortalSettings.webhook("https://other.bitrix24.com", null)));
        new MemberIdPin(store(), atStart, Runnable::run, notSaved::add).accept(load("acme.bitrix24.com", MEMBER));
        assertEquals("other.bitrix24.com", store().load().portal().host());
        assertNull(store().load().portal().memberId());
        assertEquals(50123, store().load().effectiveListenerPort(), "nothing the window saved is undone");
    }

    @Test
    void aSaveThatFailsIsReportedForTheWindow() throws Exception {
        Settings withPortal = Settings.DEFAULTS.withPortal(PortalSettings.webhook("https://acme.bitrix24.com", null));
        Files.createDirectories(store().file()); // a folder where the file should be: nothing can be written
        new MemberIdPin(store(), withPortal, Runnable::run, notSaved::add).accept(load("acme.bitrix24.com", MEMBER));
        assertEquals(1, notSaved.size(), "said once, with why");
        assertTrue(Files.isDirectory(store().file()));
    }
}
