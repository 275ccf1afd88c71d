package io.callcard.config;

import java.net.URI;
import java.net.URISyntaxException;
import io.callcard.wire.Loopback;
import java.util.Locale;

/**
 * Checks the portal address kept in settings: {@code https://host[:port]} and nothing more, plain http only on this
 * machine (the sandbox; {@link Loopback}, the rule the portal client applies too). Problems are worded without
 * quoting the address: a user who pasted the webhook URL here pasted its secret.
 */
final class PortalAddress {

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
        if (scheme.equals("http") && !Loopback.isLoopbackHost(uri.getHost())) {
            return "must use https (plain http only for this machine), host was " + uri.getHost();
        }
        return null;
    }

}
