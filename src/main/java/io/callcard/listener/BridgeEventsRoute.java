package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import io.callcard.call.CallEvent;
import io.callcard.call.CallTracker;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /bridge/events}: the widget bridge relays what the call card said (see {@link BridgeMessageDecoder} for
 * the wire contract, {@link BridgeEnvelope} for session and seq). Every message must carry the session token its
 * widget page was given (401 {@code session_required} without one, 401 {@code unknown_session} for one the listener
 * does not know). Only a fully decoded message reaches the tracker; the answer does not wait for it. A message of a widget session is applied once: a repeated seq gets
 * {@code {"accepted":true,"duplicate":true}}. A result carrying a {@code commandId} also answers that queued command.
 */
final class BridgeEventsRoute extends JsonExchangeHandler {

    static final String PATH = "/bridge/events";

    /** 64 KiB: a getStatus answer is well under 1 KiB; anything near this is not a bridge message. */
    static final int MAX_BODY_BYTES = 65_536;

    private static final Logger log = LoggerFactory.getLogger(BridgeEventsRoute.class);
    private static final Map<String, Boolean> ACCEPTED = Map.of("accepted", true);
    private static final Map<String, Boolean> DUPLICATE = Map.of("accepted", true, "duplicate", true);

    private final CallTracker tracker;
    private final Clock clock;
    private final BridgeMessageDecoder decoder = new BridgeMessageDecoder();
    private final WidgetSessions sessions;
    private final Object stampOrder = new Object();

    BridgeEventsRoute(CallTracker tracker, Clock clock, WidgetSessions sessions) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        RequestGuards.requireMethod(exchange, "POST");
        RequestGuards.requireJsonContentType(exchange);
        byte[] body = BoundedBody.read(exchange, MAX_BODY_BYTES);
        BridgeEnvelope envelope = BridgeEnvelope.read(body);
        if (envelope.session() == null) {
            throw WidgetRejections.sessionRequired();
        }
        WidgetSession session = sessions.find(envelope.session()).orElseThrow(WidgetRejections::unknownSession);
        CallEvent event;
        // Stamped and submitted under one lock: the reducer drops an event older than one it already applied, so
        // two pages posting at once must reach the tracker in the order their events were stamped.
        synchronized (stampOrder) {
            event = decoder.decode(body, clock.instant());
            if (!session.claim(envelope.seq())) {
                event = null;
            } else {
                if (envelope.commandId() != null) {
                    session.commands().complete(envelope.commandId(), event);
                }
                if (event instanceof CallEvent.BridgeLost && "closed".equals(envelope.type())) {
                    sessions.end(session);
                }
                submit(event);
            }
        }
        if (event == null) {
            JsonResponses.send(exchange, 200, DUPLICATE);
            return;
        }
        JsonResponses.send(exchange, 202, ACCEPTED);
    }

    private void submit(CallEvent event) {
        tracker.submit(event).whenComplete((snapshot, failure) -> {
            if (failure != null) {
                log.error("The call tracker did not apply a {}", event.getClass().getSimpleName(), failure);
            }
        });
    }
}
