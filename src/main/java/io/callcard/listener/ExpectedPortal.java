package io.callcard.listener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The portal the widget handler POST must come from, once known ({@link ListenerConfig#portalHost()},
 * {@link ListenerConfig#memberId()}): its DOMAIN (query) and {@code member_id} (form). Nothing is checked while no
 * portal is configured. With a portal host but no member id yet, the first POST from that host whose token the
 * portal proves pins the member id it names (trust on first use, of a proven load), and every later POST must name
 * the same one; the application saves the pinned id so it holds across restarts. The check stands in for the Origin, which browsers
 * hide on this form POST (see {@link AllowedOrigins}).
 */
final class ExpectedPortal {

    /** Bitrix24's member ids: 32 hexadecimal digits. Only such a value is pinned. */
    private static final Pattern MEMBER_ID = Pattern.compile("[0-9a-fA-F]{32}");

    private final String host;
    private final AtomicReference<String> memberId;

    ExpectedPortal(String host, String memberId) {
        this.host = host == null ? null : host.toLowerCase(Locale.ROOT);
        this.memberId = new AtomicReference<>(memberId);
    }

    /** Throws 403 {@code wrong_portal} when DOMAIN or member_id is not the configured portal's. */
    void check(String domain, String formMemberId) {
        if (host == null) {
            return;
        }
        if (domain == null || !sameHost(domain.trim().toLowerCase(Locale.ROOT))) {
            throw WidgetRejections.wrongPortal("DOMAIN");
        }
        String offered = formMemberId == null ? null : formMemberId.trim();
        String expected = memberId.get();
        if (expected == null && offered != null && MEMBER_ID.matcher(offered).matches()) {
            return; // not pinned yet: pinned by the first form the portal proves (pin)
        }
        if (expected == null || offered == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8))) {
            throw WidgetRejections.wrongPortal("member_id");
        }
    }

    /**
     * The form whose token the portal just proved named {@code formMemberId}: the first such pins it. Only a proven
     * form pins, so a web page posting first with a made-up member id cannot lock the real portal out.
     */
    void pin(String formMemberId) {
        String offered = formMemberId == null ? null : formMemberId.trim();
        if (host != null && offered != null && MEMBER_ID.matcher(offered).matches()) {
            memberId.compareAndSet(null, offered);
        }
    }

    /** DOMAIN may carry a port (on-premise portals); the configured host may or may not. */
    private boolean sameHost(String domain) {
        if (domain.equals(host)) {
            return true;
        }
        int colon = domain.lastIndexOf(':');
        return colon > 0 && domain.substring(0, colon).equals(host);
    }
}
