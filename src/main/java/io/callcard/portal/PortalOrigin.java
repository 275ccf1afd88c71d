package io.callcard.portal;

import io.callcard.wire.Loopback;
import okhttp3.HttpUrl;

/**
 * The rule for where a portal may live: HTTPS, except on this machine (the sandbox portal listens on loopback
 * over plain HTTP; {@link Loopback}, decided on the literal host).
 */
final class PortalOrigin {

    private PortalOrigin() {
    }

    /** True when the URL may carry credentials: HTTPS anywhere, plain HTTP only to loopback. */
    static boolean isAllowed(HttpUrl url) {
        return url.isHttps() || Loopback.isLoopbackHost(url.host());
    }

    /** The normalised origin {@code scheme://host[:port]}; throws when it is not one a portal may have. */
    static String require(String portal) {
        if (portal == null) {
            throw new IllegalArgumentException("portal address missing");
        }
        String trimmed = portal.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null || !url.encodedPath().equals("/") || url.query() != null) {
            throw new IllegalArgumentException("not a portal origin (scheme://host[:port]): " + trimmed);
        }
        if (!isAllowed(url)) {
            throw new IllegalArgumentException("a portal outside this machine must use HTTPS: " + trimmed);
        }
        return origin(url);
    }

    static String origin(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.scheme() + "://" + host + (defaultPort ? "" : ":" + url.port());
    }
}
