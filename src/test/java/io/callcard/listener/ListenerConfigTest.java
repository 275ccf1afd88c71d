package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenerConfigTest {

    private static final String TOKEN = "app-token-4f1c9e";

    @Test
    void loopbackNeedsNoToken() {
        ListenerConfig config = ListenerConfig.loopback(0);
        assertTrue(config.bindAddress().isLoopbackAddress());
        assertEquals(Optional.empty(), config.applicationTokenValue());
        assertEquals(GuardLimits.DEFAULTS, config.limits());
    }

    @Test
    void aNonLoopbackBindIsRefusedWithoutTheToken() throws Exception {
        InetAddress lan = InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 20});
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ListenerConfig.loopback(8765).withBindAddress(lan));
        assertTrue(refused.getMessage().contains("application token"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ListenerConfig.loopback(8765).withApplicationToken("  ").withBindAddress(lan));
        ListenerConfig withToken = ListenerConfig.loopback(8765).withApplicationToken(TOKEN).withBindAddress(lan);
        assertEquals(lan, withToken.bindAddress());
        assertThrows(IllegalArgumentException.class,
                () -> ListenerConfig.loopback(0).withBindAddress(InetAddress.getByAddress(new byte[4])));
    }

    @Test
    void toStringNeverPrintsTheToken() {
        ListenerConfig config = ListenerConfig.loopback(8765).withApplicationToken(TOKEN)
                .withPortal("XXX.Bitrix24.com", "member-1");
        String text = config.toString();
        assertFalse(text.contains(TOKEN), text);
        assertTrue(text.contains("applicationToken=set"), text);
        assertTrue(text.contains("xxx.bitrix24.com"), "portal hosts are normalised to lower case: " + text);
        assertTrue(ListenerConfig.loopback(1).toString().contains("applicationToken=none"));
    }

    @Test
    void portOutOfRangeAndBadLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ListenerConfig.loopback(65_536));
        assertThrows(IllegalArgumentException.class, () -> ListenerConfig.loopback(-1));
        assertThrows(IllegalArgumentException.class, () -> GuardLimits.DEFAULTS.withMaxConcurrentExchanges(0));
        assertThrows(IllegalArgumentException.class, () -> GuardLimits.DEFAULTS.withBodyTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> GuardLimits.DEFAULTS.withRate("health", 0));
    }

    @Test
    void rateOverridesReplaceOnlyTheNamedRoute() {
        GuardLimits limits = GuardLimits.DEFAULTS.withRate("bridge-events", 50_000);
        assertEquals(50_000, limits.ratePerSecond(RoutePolicy.BRIDGE_EVENTS));
        assertEquals(RoutePolicy.HEALTH.ratePerSecond(), limits.ratePerSecond(RoutePolicy.HEALTH));
    }
}
