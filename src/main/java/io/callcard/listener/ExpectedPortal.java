package io.callcard.listener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The portal the widget handler POST must come from, once known ({@link ListenerConfig#portalHost()},
 * {@link ListenerConfig#memberId()}): its DOMAIN (query) and {@code member_id} (form). Nothing is checked while a value
 * is unknown. The check stands in for the Origin, which browsers hide on this form POST (see {@link AllowedOrigins}).
 */
final class ExpectedPortal {

    private final String host;
    private final String memberId;

    ExpectedPortal(String host, String memberId) {
        this.host = host == null ? null : host.toLowerCase(Locale.ROOT);
        this.memberId = memberId;
    }

    /** Throws 403 {@code wrong_portal} when DOMAIN or member_id is not the configured portal's. */
    void check(String domain, String formMemberId) {
        if (host != null && (domain == null || !sameHost(domain.trim().toLowerCase(Locale.ROOT)))) {
            throw WidgetRejections.wrongPortal("DOMAIN");
        }
        if (memberId != null && (formMemberId == null || !MessageDigest.isEqual(
                memberId.getBytes(StandardCharsets.UTF_8), formMemberId.trim().getBytes(StandardCharsets.UTF_8)))) {
            throw WidgetRejections.wrongPortal("member_id");
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
