package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code placement.bind}, and the seed transport {@code placement.call} / {@code placement.bindEvent}.
 *
 * <p>{@code placement.bind} needs application context: a webhook gets 403 {@code WRONG_AUTH_TYPE}; an empty PLACEMENT
 * or HANDLER gets HTTP 200 {@code ERROR_ARGUMENT}; a handler that is not http(s) or whose host has no dot gets
 * {@code ERROR_WRONG_HANDLER_URL} (protocol.md §1, the portal's one check on handler URLs).
 *
 * <p>The current Bitrix24 has no REST {@code placement.call} or {@code placement.bindEvent} (protocol.md §1), so they
 * are only registered when the server runs with legacy placement REST, and otherwise answer 404
 * {@code ERROR_METHOD_NOT_FOUND} like any unknown method. In legacy mode they behave as the seed pages describe:
 * {@code placement.call} returns what the JS callback would receive, and {@code placement.bindEvent} stores the HANDLER.
 */
final class PlacementMethods {

    private final SandboxCallCard card;
    private final List<String> boundPlacements = new CopyOnWriteArrayList<>();

    private PlacementMethods(SandboxCallCard card) {
        this.card = card;
    }

    static void register(Map<String, MethodEntry> methods, SandboxCallCard card, boolean legacyPlacementRest) {
        PlacementMethods these = new PlacementMethods(card);
        methods.put("placement.bind", new MethodEntry("placement", these::bind));
        if (legacyPlacementRest) {
            methods.put("placement.call", new MethodEntry("telephony", these::call));
            methods.put("placement.bindevent", new MethodEntry("telephony", these::bindEvent));
        }
    }

    private RestResult bind(RestCall call) {
        if (call.credential().webhook()) {
            throw RestError.wrongAuthType();
        }
        String placement = call.text("PLACEMENT");
        if (placement.isEmpty()) {
            throw RestError.argumentEmpty("PLACEMENT");
        }
        String handler = call.text("HANDLER");
        if (handler.isEmpty()) {
            throw RestError.argumentEmpty("HANDLER");
        }
        if (!acceptableHandler(handler)) {
            throw RestError.wrongHandlerUrl();
        }
        boundPlacements.add(placement + " " + handler);
        return RestResult.of(BooleanNode.TRUE);
    }

    private RestResult call(RestCall call) {
        String command = call.text("PLACEMENT");
        if (command.isEmpty()) {
            throw RestError.argumentEmpty("PLACEMENT");
        }
        JsonNode answer = card.command(command);
        if (answer == null) {
            // the JS interface ignores an unknown command and never calls back; HTTP must answer something
            throw new RestError(400, "ERROR_ARGUMENT", "Unknown command '" + command + "'");
        }
        return RestResult.of(answer);
    }

    private RestResult bindEvent(RestCall call) {
        String event = call.text("PLACEMENT");
        if (event.isEmpty()) {
            throw RestError.argumentEmpty("PLACEMENT");
        }
        String handler = call.text("HANDLER");
        if (handler.isEmpty()) {
            throw RestError.argumentEmpty("HANDLER");
        }
        if (!acceptableHandler(handler)) {
            throw RestError.wrongHandlerUrl();
        }
        if (!card.bind(event, handler)) {
            throw new RestError(400, "ERROR_EVENT_NOT_FOUND", "Event not found");
        }
        return RestResult.of(BooleanNode.TRUE);
    }

    /** http or https, and a host containing a dot: {@code 127.0.0.1} passes, {@code localhost} does not. */
    static boolean acceptableHandler(String handler) {
        try {
            URI uri = new URI(handler);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && uri.getHost().contains(".");
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
