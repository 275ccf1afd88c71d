package io.callcard.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whether a text is an IP address written out, decided without a DNS look-up: the rule for the listener's bind address
 * in {@code settings.json} and where the settings window takes it, so that what the window accepts the file accepts.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiteral() {
    }

    public static boolean isIpLiteral(String text) {
        String t = text.strip();
        if (IPV4.matcher(t).matches()) {
            return true;
        }
        if (!t.contains(":") || !IPV6_CHARS.matcher(t).matches()) {
            return false;
        }
        try {
            // a text with a colon and only hex digits, colons and dots is parsed as a literal, never looked up
            InetAddress.getByName(t);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
