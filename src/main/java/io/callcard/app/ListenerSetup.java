package io.callcard.app;

import io.callcard.config.PortalSettings;
import io.callcard.config.Settings;
import io.callcard.listener.ListenerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns what the user saved into the listener's configuration. The one rule that cannot be checked where the value
 * is typed: an address other than loopback needs the application token, which lives in the secret store, not in
 * {@code settings.json}. Without it the listener stays on 127.0.0.1 and the status line says why; it never opens a
 * port to the network with nothing to check posts against.
 */
final class ListenerSetup {

    /** The configuration to start with, and the status message key to show instead of "listening", if any. */
    record Decision(ListenerConfig config, String warningKey) {
        Optional<String> warning() {
            return Optional.ofNullable(warningKey);
        }
    }

    private ListenerSetup() {
    }

    /**
     * @param portOverride     {@code --port}, or null
     * @param applicationToken reads the stored token; asked here only when the address is not loopback (binding there
     *                         needs it at once); otherwise the listener asks when the first portal post needs it,
     *                         because opening the keyring may take seconds
     * @param sandbox          the sandbox plays the portal: the configured portal's domain and member id must not
     *                         shut out its simulated widget
     */
    static Decision decide(Settings settings, Integer portOverride, Supplier<Optional<String>> applicationToken,
                           boolean sandbox) {
        int port = portOverride != null ? portOverride : settings.effectiveListenerPort();
        PortalSettings portal = settings.portal();
        InetAddress address = literal(settings.effectiveListenerAddress());
        boolean loopback = address == null || address.isLoopbackAddress();
        String token = loopback ? null : applicationToken.get().orElse(null);
        ListenerConfig config = ListenerConfig.loopback(port).withApplicationToken(token);
        if (portal != null && !sandbox) {
            config = config.withPortal(portal.host(), portal.memberId());
        }
        if (loopback) {
            return new Decision(config, null);
        }
        if (config.applicationToken() == null) {
            return new Decision(config, "status.listenerAddressNeedsToken");
        }
        return new Decision(config.withBindAddress(address), null);
    }

    /** The settings' rules admit IP literals only, so this never asks DNS. */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
