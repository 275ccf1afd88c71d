package io.callcard.listener;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The portal's side of a widget load, for browser tests: a page on localhost that submits the documented handler form
 * into an iframe named {@code widget}, as Bitrix24 does. Public so browser tests of other packages open the widget
 * exactly as the listener's own tests do.
 */
public final class PortalPage {

    /** The CALL_ID of the example form the page posts. */
    public static final String CALL_ID = WidgetForms.EXAMPLE_CALL_ID;

    private PortalPage() {
    }

    /** Serves the page on {@code http://127.0.0.1:<any port>/}; open it as {@code http://localhost:<port>/}. */
    public static HttpServer serve(int listenerPort) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        int port = server.getAddress().getPort();
        Map<String, String> fields = WidgetForms.example();
        fields.put("DOMAIN", "localhost:" + port);
        fields.put("PROTOCOL", "0");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n<form id=\"f\" method=\"POST\" "
                + "target=\"widget\" action=\"http://127.0.0.1:" + listenerPort + "/widget/callcard?"
                + HtmlResponses.escape(WidgetForms.query(fields)) + "\">\n");
        fields.forEach((key, value) -> {
            if (!WidgetForms.QUERY_KEYS.contains(key)) {
                html.append("<input type=\"hidden\" name=\"").append(HtmlResponses.escape(key))
                        .append("\" value=\"").append(HtmlResponses.escape(value)).append("\">\n");
            }
        });
        html.append("</form>\n<iframe name=\"widget\" id=\"widget\" width=\"400\" height=\"200\"></iframe>\n"
                + "<script>document.getElementById('f').submit();</script>\n</body></html>\n");
        byte[] page = html.toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        return server;
    }
}
