package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.PortalSettings;
import io.callcard.config.Settings;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ListenerSetupTest {

    private static final String MEMBER = "a223c6b9410f85df78e9377d6c4f7213";
    private static final Settings WITH_PORTAL = Settings.DEFAULTS.withPortal(
            PortalSettings.webhook("https://Acme.bitrix24.com", null).withMemberId(MEMBER));

    private final AtomicInteger tokenReads = new AtomicInteger();

    private Supplier<Optional<String>> token(String value) {
        return () -> {
            tokenReads.incrementAndGet();
            return Optional.ofNullable(value);
        };
    }

    @Test
    void nothingConfiguredIsLoopbackOnTheDefaultPortWithoutTouchingTheSecretStore() {
        ListenerSetup.Decision d = ListenerSetup.decide(Settings.DEFAULTS, null, token("t"), true);
        assertEquals("127.0.0.1", d.config().bindAddress().getHostAddress());
        assertEquals(Settings.DEFAULT_LISTENER_PORT, d.config().port());
        assertNull(d.config().applicationToken());
        assertEquals(0, tokenReads.get(), "the keyring may take seconds: not opened when nothing needs it");
        assertFalse(d.warning().isPresent());
    }

    @Test
    void thePortOptionWinsOverTheSettings() {
        Settings s = Settings.DEFAULTS.withListenerPort(50001);
        assertEquals(50002, ListenerSetup.decide(s, 50002, token(null), true).config().port());
        assertEquals(50001, ListenerSetup.decide(s, null, token(null), true).config().port());
    }

    @Test
    void aConfiguredPortalNarrowsTheListenerToItsHostAndMemberAndLeavesTheTokenToTheFirstPost() {
        ListenerSetup.Decision d = ListenerSetup.decide(WITH_PORTAL, null, token("0123456789abcdef0123"), false);
        assertEquals("acme.bitrix24.com", d.config().portalHost());
        assertEquals(MEMBER, d.config().memberId());
        assertNull(d.config().applicationToken(), "on loopback the listener looks the token up when a post needs it");
        assertEquals(0, tokenReads.get());
    }

    @Test
    void theSandboxIsNotShutOutByTheConfiguredPortal() {
        ListenerSetup.Decision d = ListenerSetup.decide(WITH_PORTAL, null, token(null), true);
        assertNull(d.config().portalHost());
        assertNull(d.config().memberId());
    }

    @Test
    void anAddressOffLoopbackWithoutTheTokenStaysOnLoopbackAndSaysWhy() {
        Settings s = Settings.DEFAULTS.withListenerAddress("0.0.0.0");
        ListenerSetup.Decision d = ListenerSetup.decide(s, null, token(null), true);
        assertTrue(d.config().bindAddress().isLoopbackAddress());
        assertEquals(Optional.of("status.listenerAddressNeedsToken"), d.warning());
    }

    @Test
    void anAddressOffLoopbackWithTheTokenIsBound() {
        Settings s = Settings.DEFAULTS.withListenerAddress("0.0.0.0");
        ListenerSetup.Decision d = ListenerSetup.decide(s, null, token("0123456789abcdef0123"), true);
        assertEquals("0.0.0.0", d.config().bindAddress().getHostAddress());
        assertFalse(d.warning().isPresent());
    }
}
