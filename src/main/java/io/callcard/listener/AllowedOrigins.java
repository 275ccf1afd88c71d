package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import io.callcard.wire.Loopback;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cross-site guard. A request without {@code Origin} is not from a script on another site (browsers add it to
 * every cross-origin fetch and every POST), so it passes. A request with one must come from this listener itself
 * ({@code http://127.0.0.1:PORT} and its other names: the widget page's own fetches) or from the configured portal
 * ({@code https://<portal host>}); else 403 {@code bad_origin}.
 *
 * <p>Routes the portal's own page calls ({@link RoutePolicy#calledByPortal()}: the widget handler form POST, the
 * install page) accept, while no portal host is configured yet, any {@code https} origin: the first widget load is
 * how an unconfigured companion meets its portal, and a cloud portal is always https. They also accept loopback
 * {@code http} origins on any port (the sandbox's portal page, the browser tests): such a page is served by a program
 * on this workstation, which could post to the listener directly anyway.
 *
 * <p>{@code Origin: null}: browsers send it where they hide the origin, and two legitimate callers are among those
 * cases. A form POST from the https portal into {@code http://127.0.0.1} is a downgrade, and under the browsers'
 * default referrer policy (strict-origin-when-cross-origin) the Fetch standard serialises its origin as {@code null};
 * and the widget page is served with {@code Referrer-Policy: no-referrer}, under which even its own same-origin
 * POSTs carry {@code Origin: null}. So routes that set {@link RoutePolicy#acceptsNullOrigin()} (the widget and bridge
 * routes) accept it and rely on what they check themselves: the session token on the bridge, the portal's DOMAIN and
 * member_id on the widget POST once configured. Every other route refuses it.
 */
final class AllowedOrigins {

    private final Set<String> listenerOrigins = new TreeSet<>();
    private final String portalOrigin;

    AllowedOrigins(InetAddress bindAddress, int port, String portalHost) {
        for (String host : AllowedHosts.hostsOf(bindAddress)) {
            listenerOrigins.add("http://" + host + ":" + port);
            if (port == 80) {
                listenerOrigins.add("http://" + host);
            }
        }
        this.portalOrigin = portalHost == null ? null : "https://" + portalHost.toLowerCase(Locale.ROOT);
    }

    /** Throws {@link RequestRejected} 403 {@code bad_origin} unless the Origin header, if any, is one {@code policy} allows. */
    void check(HttpExchange exchange, RoutePolicy policy) {
        List<String> values = exchange.getRequestHeaders().get("Origin");
        if (values == null || values.isEmpty()) {
            return;
        }
        if (values.size() > 1) {
            throw RequestRejected.badOrigin();
        }
        String origin = values.get(0).trim().toLowerCase(Locale.ROOT);
        if (origin.equals("null")) {
            if (policy.acceptsNullOrigin()) {
                return;
            }
            throw RequestRejected.badOrigin();
        }
        if (listenerOrigins.contains(origin) || origin.equals(portalOrigin)) {
            return;
        }
        if (policy.calledByPortal() && portalOrigin == null && (isOrigin(origin, "https") || isLoopbackHttp(origin))) {
            return;
        }
        throw RequestRejected.badOrigin();
    }

    /** {@code scheme://host[:port]} and nothing else: no path, query, user info. */
    private static boolean isOrigin(String origin, String scheme) {
        try {
            URI uri = new URI(origin);
            return scheme.equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
    }

    private static boolean isLoopbackHttp(String origin) {
        if (!isOrigin(origin, "http")) {
            return false;
        }
        return Loopback.isLoopbackHost(URI.create(origin).getHost());
    }
}
