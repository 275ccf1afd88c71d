package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallEvent;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.JsonFields;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

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
 * <p>While the seed transport is live ({@link SeedTransportLink}), events that name no call are handed to its link,
 * which attaches them to the call a fresh getStatus shows.
 *
 * <p>An event other than the three CallCard events is 200 {@code {"ignored":"unknown_event"}}, as Bitrix24's handlers
 * are expected to answer; a known one with arguments of the wrong shape is 400.
 */
final class PlacementEventsRoute extends PortalEventRoute {

    static final String PATH = SeedPlacementTransport.EVENTS_PATH;

    private final Supplier<SeedTransportLink> seedLink;

    /** {@code seedLink}: the live seed transport's link, or null while there is none. */
    PlacementEventsRoute(TrackerFeed feed, ApplicationTokenCheck token, Supplier<SeedTransportLink> seedLink,
                         InputHeard heard) {
        super(PATH, feed, token, InputChannel.SEED_TRANSPORT, heard);
        this.seedLink = seedLink;
    }

    /**
     * While the seed transport is live, an event that names no call goes through its link, which learns from a fresh
     * {@code getStatus} which call the card shows before the event is applied to it: a card that opened since the
     * last poll must not have its first events land on the call before it.
     */
    @Override
    protected CallEvent submit(TrackerFeed feed, ObjectNode post) {
        SeedTransportLink link = seedLink.get();
        if (link == null || post.hasNonNull("callId")) {
            return super.submit(feed, post);
        }
        Optional<CallEvent> event = decode(post, feed.now());
        event.ifPresent(link::placementEvent);
        return event.orElse(null);
    }

    @Override
    protected Optional<CallEvent> decode(ObjectNode post, Instant receivedAt) {
        String name = JsonFields.text(post, "event");
        if (name == null || name.isEmpty()) {
            throw RequestRejected.invalidMessage("event must be a non-empty string");
        }
        Optional<CallCardEventName> event = CallCardEventName.ofWireName(name);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        JsonNode args = post.has("args") ? post.get("args") : JsonNodeFactory.instance.arrayNode();
        String callId = JsonFields.text(post, "callId");
        return Optional.of(BridgeMessageDecoder.callCardEvent(event.get(), args,
                callId == null || callId.isEmpty() ? null : callId, receivedAt));
    }
}
