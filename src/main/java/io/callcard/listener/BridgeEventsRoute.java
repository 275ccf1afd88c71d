package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.callcard.call.CallEvent;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /bridge/events}: the widget bridge relays what the call card said (see {@link BridgeMessageDecoder} for
 * the wire contract, {@link BridgeEnvelope} for session and seq). Every message must carry the session token its
 * widget page was given (401 {@code session_required} without one, 401 {@code unknown_session} for one the listener
 * does not know). Only a fully decoded message reaches the tracker (through the {@link TrackerFeed}); the answer
 * does not wait for it. A message of a widget session is applied once: a repeated seq gets
 * {@code {"accepted":true,"duplicate":true}}. A result carrying a {@code commandId} also answers that queued command,
 * once the tracker applied it.
 *
 * <p>A page whose token is still being checked ({@link WidgetSession.State#CHECKING}) has its messages held, in order:
 * {@code 202 {"accepted":true,"held":true}}, applied when the token is proven, dropped when refused; a refused page's
 * messages are 403 with the refusal's reason ({@link WidgetVerdict}).
 */
final class BridgeEventsRoute extends JsonExchangeHandler {

    static final String PATH = "/bridge/events";

    /** 64 KiB: a getStatus answer is well under 1 KiB; anything near this is not a bridge message. */
    static final int MAX_BODY_BYTES = 65_536;

    private static final Map<String, Boolean> ACCEPTED = Map.of("accepted", true);
    private static final Map<String, Boolean> DUPLICATE = Map.of("accepted", true, "duplicate", true);
    private static final Map<String, Boolean> HELD = Map.of("accepted", true, "held", true);

    private final TrackerFeed feed;
    private final BridgeMessageDecoder decoder = new BridgeMessageDecoder();
    private final WidgetSessions sessions;
    private final InputHeard heard;

    BridgeEventsRoute(TrackerFeed feed, WidgetSessions sessions, InputHeard heard) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.heard = Objects.requireNonNull(heard, "heard");
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        RequestGuards.requireMethod(exchange, "POST");
        RequestGuards.requireJsonContentType(exchange);
        JsonNode message = JsonBodies.parse(BoundedBody.read(exchange, MAX_BODY_BYTES)); // parsed once, read twice
        BridgeEnvelope envelope = BridgeEnvelope.of(message);
        if (envelope.session() == null) {
            throw WidgetRejections.sessionRequired();
        }
        WidgetSession session = sessions.find(envelope.session()).orElseThrow(WidgetRejections::unknownSession);
        if (session.state() == WidgetSession.State.CHECKING) {
            decoder.decode(message, feed.now()); // a message the decoder refuses is 400 before it is held
        }
        WidgetSession.Admission admission = session.admit(envelope.seq(),
                () -> feed.submit(InputChannel.WIDGET_BRIDGE, at -> {
            CallEvent decoded = decoder.decode(message, at);
            if (decoded instanceof CallEvent.BridgeLost && "closed".equals(envelope.type())) {
                sessions.end(session);
            }
            return decoded;
        }, applied -> heardFrom(session, envelope, applied)));
        switch (admission) {
            case HELD:
                JsonResponses.send(exchange, 202, HELD); // applied once the page's token is proven
                return;
            case DUPLICATE:
                JsonResponses.send(exchange, 200, DUPLICATE);
                return;
            case FULL:
                throw WidgetRejections.heldFull();
            case REFUSED:
                throw WidgetRejections.refused(session.refusal());
            default:
                break;
        }
        // decoded, claimed and submitted in stamp order: a repeated seq is answered, never applied
        CallEvent event = feed.submit(InputChannel.WIDGET_BRIDGE, at -> {
            CallEvent decoded = decoder.decode(message, at);
            if (!session.claim(envelope.seq())) {
                return null;
            }
            if (decoded instanceof CallEvent.BridgeLost && "closed".equals(envelope.type())) {
                sessions.end(session);
            }
            return decoded;
        }, applied -> heardFrom(session, envelope, applied));
        if (event == null) {
            JsonResponses.send(exchange, 200, DUPLICATE);
            return;
        }
        JsonResponses.send(exchange, 202, ACCEPTED);
    }

    /** A proven page's message reached the call state: the widget bridge was heard; a result answers its command. */
    private void heardFrom(WidgetSession session, BridgeEnvelope envelope, CallEvent applied) {
        heard.heard(InputChannel.WIDGET_BRIDGE, applied.at());
        answerCommand(session, envelope, applied);
    }

    /**
     * A result answers its command only once the tracker applied it: whoever waits on the command (the hold button)
     * then finds the card in the state the answer reports, never a moment before.
     */
    private static void answerCommand(WidgetSession session, BridgeEnvelope envelope, CallEvent applied) {
        if (envelope.commandId() != null) {
            session.commands().complete(envelope.commandId(), applied);
        }
    }
}
