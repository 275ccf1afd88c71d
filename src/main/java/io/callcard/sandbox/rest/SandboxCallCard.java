package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The three events {@code placement.bindEvent} accepts. */
    public static final List<String> EVENTS = List.of("CallCard::CallStateChanged", "CallCard::EntityChanged",
            "CallCard::BeforeClose");

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
    JsonNode command(String command) {
        ObjectNode current = status;
        if (!"getStatus".equals(command) && !"enableAutoClose".equals(command)
                && !"disableAutoClose".equals(command)) {
            return null;
        }
        if (current == null) {
            ArrayNode error = Json.array();
            error.addObject().put("result", "error").put("errorCode", "Call card is undefined");
            return error;
        }
        if ("getStatus".equals(command)) {
            return current.deepCopy();
        }
        autoCloseHeld = "disableAutoClose".equals(command);
        return Json.array();
    }

    /** False for an event the call card does not have. */
    boolean bind(String event, String handler) {
        if (!EVENTS.contains(event)) {
            return false;
        }
        List<String> bound = handlers.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>());
        if (!bound.contains(handler)) {
            bound.add(handler); // binding the same handler twice keeps one, as event.bind does
        }
        return true;
    }
}
