package io.callcard.wire;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a host is this machine's loopback: {@code localhost}, 127.0.0.0/8 or {@code ::1}. Decided on the literal
 * text, never by a DNS look-up: a name that resolves to 127.0.0.1 today may resolve elsewhere tomorrow, and a
 * look-up would let whoever answers it decide where credentials go. Plain http is allowed only to such a host (the
 * sandbox portal, the companion's own listener).
 */
public final class Loopback {

    /**
     * The three names every machine gives its loopback, as they appear in a Host header or a URL: the literal the
     * listener binds, the name browsers use, and IPv6's.
     */
    public static final Set<String> NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}$");

    private Loopback() {
    }

    /** {@code host} as a URL or a URI names it: {@code ::1} with or without brackets, any case. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
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

    /** {@code host[:port]}, as a Host header or the widget's DOMAIN carries it. */
    public static boolean isLoopbackAuthority(String authority) {
        if (authority == null) {
            return false;
        }
        int close = authority.indexOf(']');
        boolean bracketed = authority.startsWith("[") && close > 0;
        // a bare IPv6 literal has colons of its own: "::1:80" is an address, not ::1 on port 80
        boolean onePortColon = authority.indexOf(':') == authority.lastIndexOf(':');
        String host = bracketed ? authority.substring(0, close + 1)
                : onePortColon ? PORT.matcher(authority).replaceFirst("") : authority;
        return isLoopbackHost(host);
    }
}
