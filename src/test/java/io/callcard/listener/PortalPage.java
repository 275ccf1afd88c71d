package io.callcard.listener;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The portal's side of a widget load, for browser tests: a page on localhost that submits the documented handler form
 * into an iframe, as Bitrix24's AppLayout does. The iframe is named {@code host|0|APP_SID} (the name Bitrix24's library
 * reads to find its portal; without it the library refuses to start) and has the id {@code widget}. Public so browser
 * tests of other packages open the widget exactly as the listener's own tests do.
 */
public final class PortalPage {

    /** The CALL_ID of the example form the page posts. */
    public static final String CALL_ID = WidgetForms.EXAMPLE_CALL_ID;

    private PortalPage() {
    }

    /**
     * Serves the page on {@code http://127.0.0.1:<any port>/}; open it as {@code http://localhost:<port>/}. The same
     * server's {@code /alone} submits the same form into its own window instead: the widget page outside any frame.
     */
    public static HttpServer serve(int listenerPort) throws IOException {
        return serve(port -> widgetForm(listenerPort, port, true), port -> widgetForm(listenerPort, port, false));
    }

    private static String widgetForm(int listenerPort, int port, boolean framed) {
        Map<String, String> fields = WidgetForms.example();
        fields.put("DOMAIN", "localhost:" + port);
        fields.put("PROTOCOL", "0");
        String name = frameName(port, fields.get("APP_SID"));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n<form id=\"f\" method=\"POST\" "
                + "target=\"" + (framed ? HtmlResponses.escape(name) : "_self") + "\" action=\"http://127.0.0.1:"
                + listenerPort + "/widget/callcard?" + HtmlResponses.escape(WidgetForms.query(fields)) + "\">\n");
        fields.forEach((key, value) -> {
            if (!WidgetForms.QUERY_KEYS.contains(key)) {
                html.append("<input type=\"hidden\" name=\"").append(HtmlResponses.escape(key))
                        .append("\" value=\"").append(HtmlResponses.escape(value)).append("\">\n");
            }
        });
        html.append("</form>\n");
        if (framed) {
            html.append("<iframe name=\"").append(HtmlResponses.escape(name))
                    .append("\" id=\"widget\" width=\"400\" height=\"200\"></iframe>\n");
        }
        return html.append("<script>document.getElementById('f').submit();</script>\n</body></html>\n").toString();
    }

    /** A portal page framing the local application's install page, as the portal opens it for the administrator. */
    public static HttpServer serveInstall(int listenerPort, String lang) throws IOException {
        return serve(port -> "<!DOCTYPE html><html><body>\n<iframe name=\""
                + HtmlResponses.escape(frameName(port, WidgetForms.example().get("APP_SID")))
                + "\" id=\"install\" width=\"600\" height=\"300\" src=\"http://127.0.0.1:" + listenerPort
                + "/widget/install?DOMAIN=localhost:" + port + "&amp;PROTOCOL=0&amp;LANG=" + lang
                + "\"></iframe>\n</body></html>\n", null);
    }

    /** {@code host|secure|APP_SID}: the frame name the portal gives an application's iframe. */
    static String frameName(int portalPort, String appSid) {
        return "localhost:" + portalPort + "|0|" + appSid;
    }

    private interface PageOfPort {
        String html(int port);
    }

    /** {@code root} at {@code /}, and {@code alone} (if any) at {@code /alone}. */
    private static HttpServer serve(PageOfPort root, PageOfPort alone) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        int port = server.getAddress().getPort();
        byte[] rootPage = root.html(port).getBytes(StandardCharsets.UTF_8);
        byte[] alonePage = alone == null ? null : alone.html(port).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            byte[] bytes = alonePage != null && exchange.getRequestURI().getPath().equals("/alone") ? alonePage
                    : rootPage;
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }
}
