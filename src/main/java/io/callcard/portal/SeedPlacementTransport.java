package io.callcard.portal;

import io.callcard.call.CallCardStatus;
import io.callcard.wire.CallCardCommand;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CallCardFields;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The call card over REST, as the seed pages describe it: {@code placement.call} runs a command,
 * {@code placement.bindEvent} subscribes a handler URL to an event. Current portals refuse both (protocol.md §1);
 * then every method here throws {@link PortalError#SEED_TRANSPORT_UNSUPPORTED} after exactly one request, whose
 * words point the user at the widget. Nothing here retries that.
 */
public final class SeedPlacementTransport {

    static final String CALL = "placement.call";
    static final String BIND_EVENT = "placement.bindEvent";

    /**
     * The listener's path that takes the events bound here (its {@code PlacementEventsRoute}): the one place both
     * sides read it from, so the URL handed to the portal and the route that answers it cannot drift apart.
     */
    public static final String EVENTS_PATH = "/placement/events";

    private final PortalClient client;

    public SeedPlacementTransport(PortalClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The card's status; empty when no call card is open. */
    public Optional<CallCardStatus> getStatus() throws PortalException {
        return CallCardStatusReader.read(command(CallCardCommand.GET_STATUS).result(), CALL);
    }

    /** Lifts the hold on the card; false when no call card is open. */
    public boolean enableAutoClose() throws PortalException {
        return ranOnACard(command(CallCardCommand.ENABLE_AUTO_CLOSE));
    }

    /** Holds the card open; false when no call card is open. */
    public boolean disableAutoClose() throws PortalException {
        return ranOnACard(command(CallCardCommand.DISABLE_AUTO_CLOSE));
    }

    /**
     * Asks the portal to post {@code event} to {@code handlerUrl} (host with a dot: {@code 127.0.0.1}, not
     * {@code localhost}).
     *
     * @return what the portal answered: true when it took the subscription
     */
    public boolean bindEvent(CallCardEventName event, String handlerUrl) throws PortalException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("PLACEMENT", Objects.requireNonNull(event, "event").wireName());
        params.put("HANDLER", HandlerUrls.require(handlerUrl));
        return call(BIND_EVENT, params).result().asBoolean(false);
    }

    /**
     * Binds all three CallCard events to the companion's listener at {@code listenerBase}
     * ({@code http://127.0.0.1:PORT/}).
     *
     * @return whether the portal took every subscription
     */
    public boolean bindEvents(URI listenerBase) throws PortalException {
        String handler = eventsHandlerUrl(listenerBase);
        boolean all = true;
        for (CallCardEventName event : CallCardEventName.values()) {
            all &= bindEvent(event, handler);
        }
        return all;
    }

    /** {@code http://127.0.0.1:PORT/placement/events} for a listener at {@code listenerBase}. */
    public static String eventsHandlerUrl(URI listenerBase) {
        return Objects.requireNonNull(listenerBase, "listenerBase").resolve(EVENTS_PATH).toString();
    }

    private PortalResponse command(CallCardCommand command) throws PortalException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("PLACEMENT", command.wireName());
        params.put("PARAMS", Map.of());
        return call(CALL, params);
    }

    private PortalResponse call(String method, Map<String, Object> params) throws PortalException {
        try {
            return client.call(method, params);
        } catch (PortalException e) {
            throw SeedRejections.isRejection(e) ? SeedRejections.unsupported(e, method) : e;
        }
    }

    /** A command's result is {@code []}; the card's absence is {@code [{"result":"error",...}]}. */
    private static boolean ranOnACard(PortalResponse response) {
        return !(response.result().isArray() && CallCardFields.isErrorAnswer(response.result()));
    }
}
