package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.callcard.call.CallTracker;
import io.callcard.portal.SeedPlacementTransport;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /placement/events}: the HANDLER the seed transport gives {@code placement.bindEvent}
 * ({@link SeedPlacementTransport#eventsHandlerUrl}). The seed pages never said what a handler receives; the sandbox
 * posts {@code {"event":"CallCard::CallStateChanged","args":["idle",{"failedCode":"486"}],"ts":"...",
 * "auth":{"application_token":"..."}}}, and this takes that tree as JSON or as a PHP-style form
 * ({@code event=...&args[0]=idle&args[1][failedCode]=486&auth[application_token]=...}; a form cannot say "no
 * arguments", so missing {@code args} are none). {@code args} are decoded by {@link BridgeMessageDecoder}, the one
 * decoder of the call card's events. The events name no call: they are about the call the card shows now, unless a
 * {@code callId} is given.
 *
 * <p>Authentication as on {@code /bitrix/events}: the post must carry the configured {@code auth[application_token]},
 * and with none configured every post is 401. A post from the portal's side has no widget session to prove itself
 * with, and without the token anything on this machine could drive the card.
 *
 * <p>An event other than the three CallCard events is 200 {@code {"ignored":"unknown_event"}}, as Bitrix24's handlers
 * are expected to answer; a known one with arguments of the wrong shape is 400.
 */
final class PlacementEventsRoute extends JsonExchangeHandler {

    static final String PATH = SeedPlacementTransport.EVENTS_PATH;

    private static final Map<String, Boolean> ACCEPTED = Map.of("accepted", true);
    private static final Map<String, String> IGNORED = Map.of("ignored", "unknown_event");

    private final CallTracker tracker;
    private final Clock clock;
    private final ApplicationTokenCheck token;

    PlacementEventsRoute(CallTracker tracker, Clock clock, ListenerConfig config) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.token = new ApplicationTokenCheck(config.applicationToken());
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        RequestGuards.requireMethod(exchange, "POST");
        token.requireConfigured();
        ObjectNode post = EventPostBody.read(exchange);
        token.verify(post);
        String name = JsonFields.optionalText(post, "event");
        if (name == null || name.isBlank()) {
            throw JsonFields.invalid("event must be a non-empty string");
        }
        if (!BridgeMessageDecoder.isCallCardEvent(name.trim())) {
            JsonResponses.send(exchange, 200, IGNORED);
            return;
        }
        JsonNode args = post.has("args") ? post.get("args") : JsonNodeFactory.instance.arrayNode();
        String callId = JsonFields.optionalText(post, "callId");
        TrackerSubmission.submit(tracker, BridgeMessageDecoder.callCardEvent(name.trim(), args,
                callId == null || callId.isBlank() ? null : callId.trim(), clock.instant()));
        JsonResponses.send(exchange, 200, ACCEPTED);
    }
}
