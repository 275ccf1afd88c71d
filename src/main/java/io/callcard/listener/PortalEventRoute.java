package io.callcard.listener;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.callcard.call.CallEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the routes the portal's server posts to have in common: POST only; the application token is checked before
 * anything in the post is believed ({@link ApplicationTokenCheck}: 401 and nothing changes); the body is a
 * PHP-style form or the same tree as JSON ({@link EventPostBody}); the answer is a quick 2xx that does not wait for
 * the tracker, because Bitrix24 does not retry a delivery. An event the route does not follow is 200
 * {@code {"ignored":"unknown_event"}}, as the portal expects of a handler.
 */
abstract class PortalEventRoute extends JsonExchangeHandler {

    private static final Map<String, Boolean> ACCEPTED = Map.of("accepted", true);
    private static final Map<String, String> IGNORED = Map.of("ignored", "unknown_event");

    private final String path;
    private final TrackerFeed feed;
    private final ApplicationTokenCheck token;
    private final InputChannel channel;
    private final InputHeard heard;

    /** {@code channel}: what an accepted post of this route counts as heard from, in {@code heard}. */
    PortalEventRoute(String path, TrackerFeed feed, ApplicationTokenCheck token, InputChannel channel,
                     InputHeard heard) {
        this.path = Objects.requireNonNull(path, "path");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.token = Objects.requireNonNull(token, "token");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.heard = Objects.requireNonNull(heard, "heard");
    }

    /** The call event an authenticated {@code post} stands for; empty for an event this route does not follow. */
    protected abstract Optional<CallEvent> decode(ObjectNode post, Instant receivedAt);

    @Override
    protected final void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, path);
        RequestGuards.requireMethod(exchange, "POST");
        token.requireConfigured();
        ObjectNode post = EventPostBody.read(exchange);
        token.verify(post);
        CallEvent event = submit(feed, post);
        if (event != null) {
            heard.heard(channel, event.at());
        }
        JsonResponses.send(exchange, 200, event == null ? IGNORED : ACCEPTED);
    }

    /**
     * Hands an authenticated {@code post} on; by default straight into the tracker. Returns the event it stands for,
     * or null for one this route does not follow. A malformed post is refused here, before anything changed.
     */
    protected CallEvent submit(TrackerFeed feed, ObjectNode post) {
        return feed.submit(channel, at -> decode(post, at).orElse(null));
    }
}
