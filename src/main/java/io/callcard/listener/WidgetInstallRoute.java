package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import io.callcard.wire.PhpForm;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * {@code GET|POST /widget/install}: the local application's install page (protocol.md §1), opened by the administrator
 * inside Bitrix24 (which posts its form into the frame; the body is not needed and not read). Its script calls
 * {@code placement.bind} for CALL_CARD with this listener's {@code http://127.0.0.1:PORT/widget/callcard} (never
 * {@code localhost}: the portal refuses a host without a dot), then {@code BX24.installFinish()}, and shows what it
 * did or the error code and description the portal gave. DOMAIN (and PROTOCOL) in the query name the portal that may
 * frame the page. The page tells the administrator to keep the companion the first CALL_CARD application: only that
 * one loads by itself, as the card's default tab.
 */
final class WidgetInstallRoute extends JsonExchangeHandler {

    static final String PATH = "/widget/install";
    static final String SCRIPT_PATH = "/widget/install.js";

    private final WidgetConfig config;
    private final IntSupplier port;

    WidgetInstallRoute(WidgetConfig config, IntSupplier port) {
        this.config = Objects.requireNonNull(config, "config");
        this.port = Objects.requireNonNull(port, "port");
    }

    /** The handler URL the install page binds: always the literal 127.0.0.1. */
    static String handlerUrl(int port) {
        return "http://127.0.0.1:" + port + WidgetCallCardRoute.PATH;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            throw RequestRejected.methodNotAllowed("GET, POST");
        }
        Map<String, String> query = PhpForm.decodeFlat(exchange.getRequestURI().getRawQuery());
        String origin = HtmlResponses.portalOrigin(query.get("DOMAIN"), query.get("PROTOCOL"));
        String language = WidgetTexts.language(query.get("LANG"));
        Map<String, String> texts = WidgetTexts.forLanguage(language);
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>CallCard Companion</title>\n")
                .append("<style>body{font:13px/1.4 sans-serif;margin:12px;color:#333}</style>\n</head>\n<body");
        for (String key : new String[] {"installed", "installFailed", "nobx24", "installOutside"}) {
            html.append(" data-msg-").append(key).append("=\"").append(HtmlResponses.escape(texts.get(key)))
                    .append('"');
        }
        html.append(">\n<h1>CallCard Companion</h1>\n<p id=\"install-status\">")
                .append(HtmlResponses.escape(texts.get("installing"))).append("</p>\n")
                .append("<p>CALL_CARD &rarr; <code id=\"install-handler\">")
                .append(HtmlResponses.escape(handlerUrl(port.getAsInt()))).append("</code></p>\n")
                // the card loads only its default tab by itself (protocol.md, "When the widget loads")
                .append("<p id=\"install-first-tab\"><strong>")
                .append(HtmlResponses.escape(texts.get("installFirstTab"))).append("</strong></p>\n");
        html.append("<script src=\"").append(HtmlResponses.escape(config.bx24Script().toString()))
                .append("\"></script>\n");
        html.append("<script src=\"").append(SCRIPT_PATH).append("\" data-handler=\"")
                .append(HtmlResponses.escape(handlerUrl(port.getAsInt())))
                .append("\"></script>\n</body>\n</html>\n");
        HtmlResponses.sendPage(exchange, origin, html.toString());
    }

    /** {@code GET /widget/install.js}. */
    static final class Script extends JsonExchangeHandler {

        private final byte[] script = WidgetScriptRoute.resource("widget/install.js");

        @Override
        protected void serve(HttpExchange exchange) throws IOException {
            RequestGuards.requireExactPath(exchange, SCRIPT_PATH);
            RequestGuards.requireMethod(exchange, "GET");
            HtmlResponses.sendScript(exchange, script);
        }
    }
}
