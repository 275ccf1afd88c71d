package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.CallCardCommand;
import io.callcard.wire.CallCardEventName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The call card as the seed transport sees it: the current call's getStatus object (or no card), whether auto-close
 * is held, and the HANDLER URLs bound per CallCard event by {@code placement.bindEvent}. The sandbox's REST server
 * reads it; tests and the scenario player set it.
 */
public final class SandboxCallCard {

    private volatile ObjectNode status;
    private volatile boolean autoCloseHeld;
    private final Map<String, List<String>> handlers = new ConcurrentHashMap<>();

    /** Opens (or updates) the card with a getStatus-shaped object, as in {@code examples/jsif_getstatus_result}. */
    public void show(ObjectNode getStatus) {
        this.status = Objects.requireNonNull(getStatus, "getStatus").deepCopy();
    }

    /** The card closed: commands now answer "Call card is undefined". */
    public void close() {
        status = null;
        autoCloseHeld = false;
    }

    /** True after {@code disableAutoClose} and until {@code enableAutoClose} or the card closes. */
    public boolean autoCloseHeld() {
        return autoCloseHeld;
    }

    /** The HANDLER URLs bound to {@code event}, in binding order. */
    public List<String> handlers(String event) {
        return List.copyOf(handlers.getOrDefault(event, List.of()));
    }

    /**
     * Runs a command and returns what the JS interface hands its callback: the status object for getStatus, {@code []}
     * for the auto-close commands, or {@code [{"result":"error","errorCode":"Call card is undefined"}]} with no card.
     * Null for an unknown command, which the JS interface ignores silently.
     */
    JsonNode command(String name) {
        ObjectNode current = status;
        CallCardCommand command = CallCardCommand.ofWireName(name).orElse(null);
        if (command == null) {
            return null;
        }
        if (current == null) {
            ArrayNode error = Json.array();
            error.addObject().put("result", "error").put("errorCode", "Call card is undefined");
            return error;
        }
        if (command == CallCardCommand.GET_STATUS) {
            return current.deepCopy();
        }
        autoCloseHeld = command == CallCardCommand.DISABLE_AUTO_CLOSE;
        return Json.array();
    }

    /** False for an event the call card does not have. */
    boolean bind(String event, String handler) {
        if (CallCardEventName.ofWireName(event).isEmpty()) {
            return false;
        }
        List<String> bound = handlers.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>());
        if (!bound.contains(handler)) {
            bound.add(handler); // binding the same handler twice keeps one, as event.bind does
        }
        return true;
    }
}
