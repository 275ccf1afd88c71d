package io.callcard.portal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The rule for where a portal may live: HTTPS, except on this machine (the sandbox portal listens on loopback
 * over plain HTTP). Decided on the literal host, never by a DNS look-up.
 */
final class PortalOrigin {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private PortalOrigin() {
    }

    /** {@code localhost}, 127.0.0.0/8 or {@code ::1}, as OkHttp canonicalises hosts. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("::1") || h.equals("[::1]")) {
            return true;
        }
        Matcher m = IPV4.matcher(h);
        if (!m.matches() || !m.group(1).equals("127")) {
            return false;
        }
        for (int i = 2; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** True when the URL may carry credentials: HTTPS anywhere, plain HTTP only to loopback. */
    static boolean isAllowed(HttpUrl url) {
        return url.isHttps() || isLoopback(url.host());
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
