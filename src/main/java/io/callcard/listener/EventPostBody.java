package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.callcard.wire.PhpForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The body of a post from the portal's side (event posts, the seed transport's CallCard events) as one JSON object,
 * whichever way it came: {@code application/x-www-form-urlencoded} with PHP-style keys, as Bitrix24 posts events
 * (protocol.md §5), or {@code application/json} with the same tree. Anything else is 415; a body that is not a
 * well-formed form or JSON object is 400.
 */
final class EventPostBody {

    /** 64 KiB: an event post is about 1 KiB; nothing near this is one. */
    static final int MAX_BODY_BYTES = 65_536;

    private EventPostBody() {
    }

    static ObjectNode read(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean json = contentType != null && RequestGuards.isJson(contentType);
        if (!json && !(contentType != null && isForm(contentType))) {
            throw RequestRejected.of(415, RequestRejected.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be application/x-www-form-urlencoded or application/json");
        }
        byte[] body = BoundedBody.read(exchange, MAX_BODY_BYTES);
        return json ? json(body) : PhpForm.decode(new String(body, StandardCharsets.ISO_8859_1));
    }

    private static ObjectNode json(byte[] body) {
        JsonNode tree = JsonBodies.parse(body);
        if (!tree.isObject()) {
            throw RequestRejected.invalidMessage("the body must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    private static boolean isForm(String contentType) {
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().toLowerCase(Locale.ROOT).equals("application/x-www-form-urlencoded");
    }
}
