package io.callcard.listener;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The widget's HTML and script answers. A page may be framed only by the portal that opened it
 * ({@code frame-ancestors}, protocol.md §1) and never carries {@code X-Frame-Options}; nothing is cached and no
 * referrer leaves the page.
 */
final class HtmlResponses {

    /** A portal host as Bitrix24 sends DOMAIN: host name or address, optional port. Nothing that could break a header. */
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})(:[0-9]{1,5})?");

    private HtmlResponses() {
    }

    /**
     * The portal's origin from the query's DOMAIN and PROTOCOL ({@code 1} https, {@code 0} http; absent means https,
     * the cloud's only scheme).
     */
    static String portalOrigin(String domain, String protocol) {
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw WidgetRejections.invalidForm("DOMAIN must be the portal's host name");
        }
        String scheme;
        if (protocol == null || protocol.equals("1")) {
            scheme = "https";
        } else if (protocol.equals("0")) {
            scheme = "http";
        } else {
            throw WidgetRejections.invalidForm("PROTOCOL must be 0 or 1");
        }
        return scheme + "://" + domain;
    }

    static void sendPage(HttpExchange exchange, String portalOrigin, String html) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Security-Policy", "frame-ancestors " + portalOrigin + " 'self'");
        common(headers);
        send(exchange, html.getBytes(StandardCharsets.UTF_8));
    }

    static void sendScript(HttpExchange exchange, byte[] script) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/javascript; charset=utf-8");
        common(headers);
        send(exchange, script);
    }

    private static void common(Headers headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
    }

    private static void send(HttpExchange exchange, byte[] bytes) throws IOException {
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Text and attribute values into HTML. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
