package io.callcard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the portal address kept in settings: {@code https://host[:port]} and nothing more, plain http only on this
 * machine (the sandbox). The same rule as the portal client's, restated because {@code config} imports nothing of
 * ours. Problems are worded without quoting the address: a user who pasted the webhook URL here pasted its secret.
 */
final class PortalAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private PortalAddress() {
    }

    /** Why the address cannot be a portal's, or null when it can. */
    static String problem(String address) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            return "is not a web address";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must start with https://";
        }
        if (uri.getHost() == null) {
            return "is not a web address (no host)";
        }
        boolean onlyOrigin = uri.getRawUserInfo() == null && uri.getRawQuery() == null
                && uri.getRawFragment() == null && (uri.getRawPath() == null || uri.getRawPath().matches("/*"));
        if (!onlyOrigin) {
            return "must be the portal's address only (https://host[:port]), without a path; a webhook URL is a"
                    + " secret and is kept in the secret store";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "must use https (plain http only for this machine), host was " + uri.getHost();
        }
        return null;
    }

    /** {@code localhost}, 127.0.0.0/8 or {@code ::1}, decided on the literal host, never by a DNS look-up. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) {
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
}
