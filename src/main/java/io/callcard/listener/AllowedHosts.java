package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import io.callcard.wire.Loopback;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The DNS-rebinding guard: a page on {@code evil.example} whose name the attacker re-points at 127.0.0.1 reaches this
 * listener from the victim's browser as same-origin, but its requests still say {@code Host: evil.example:PORT}. So
 * only the names this listener really has are accepted: {@code 127.0.0.1:PORT}, {@code localhost:PORT},
 * {@code [::1]:PORT} and the configured bind address; when bound to every interface, any IP literal with the port
 * (an address, unlike a name, cannot be re-pointed). The port may be left out only on port 80, as HTTP allows.
 */
final class AllowedHosts {

    private static final Pattern IP_LITERAL = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+\\])");

    private final Set<String> authorities = new TreeSet<>();
    private final boolean anyIpLiteral;
    private final String portSuffix;

    AllowedHosts(InetAddress bindAddress, int port) {
        this.portSuffix = ":" + port;
        for (String host : hostsOf(bindAddress)) {
            authorities.add(host + portSuffix);
            if (port == 80) {
                authorities.add(host);
            }
        }
        this.anyIpLiteral = bindAddress.isAnyLocalAddress();
    }

    /** Throws {@link RequestRejected}: 400 without exactly one Host, 421 for a name that is not this listener's. */
    void check(HttpExchange exchange) {
        List<String> values = exchange.getRequestHeaders().get("Host");
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            throw RequestRejected.missingHost();
        }
        if (values.size() > 1) {
            throw RequestRejected.badRequest(RequestRejected.BAD_HOST, "exactly one Host header is allowed");
        }
        String host = values.get(0).trim().toLowerCase(Locale.ROOT);
        if (authorities.contains(host)) {
            return;
        }
        if (anyIpLiteral && host.endsWith(portSuffix)
                && IP_LITERAL.matcher(host.substring(0, host.length() - portSuffix.length())).matches()) {
            return;
        }
        throw RequestRejected.badHost();
    }

    /** The Host names of this listener: the loopback ones always, the bound address's literal too. */
    static Set<String> hostsOf(InetAddress bindAddress) {
        Set<String> hosts = new TreeSet<>(Loopback.NAMES);
        if (!bindAddress.isAnyLocalAddress() && !bindAddress.isLoopbackAddress()) {
            hosts.add(literal(bindAddress));
        }
        return hosts;
    }

    static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return address instanceof Inet6Address ? "[" + text.toLowerCase(Locale.ROOT) + "]" : text;
    }
}
