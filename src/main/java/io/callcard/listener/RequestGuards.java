package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;

/** Checks every route makes before it looks at a body. Each throws {@link RequestRejected}. */
final class RequestGuards {

    private RequestGuards() {
    }

    /** The JDK server matches contexts by prefix; routes answer only their exact path. */
    static void requireExactPath(HttpExchange exchange, String path) {
        if (!path.equals(exchange.getRequestURI().getRawPath())) {
            throw RequestRejected.notFound();
        }
    }

    static void requireMethod(HttpExchange exchange, String method) {
        if (!method.equals(exchange.getRequestMethod())) {
            throw RequestRejected.methodNotAllowed(method);
        }
    }

    /** {@code application/json} in any case, with or without parameters such as {@code charset}. */
    static void requireJsonContentType(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !isJson(contentType)) {
            throw RequestRejected.unsupportedMediaType();
        }
    }

    static boolean isJson(String contentType) {
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().toLowerCase(Locale.ROOT).equals("application/json");
    }
}
