package io.callcard.listener;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallEvent;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /bitrix/events}: the handler an outgoing webhook or an application's {@code event.bind} points at
 * (protocol.md §5). Form-encoded with PHP-style keys as Bitrix24 posts it, or the same tree as JSON. A post must carry
 * the configured {@code auth[application_token]} ({@link ApplicationTokenCheck}), else 401 and nothing changes; with
 * no token configured every post is 401. ONVOXIMPLANTCALLINIT/START/END go through {@link BitrixEventDecoder} to the
 * tracker: 200 {@code {"accepted":true}}. Any other event is 200 {@code {"ignored":"unknown_event"}}, logged by name
 * only. The answer does not wait for the tracker: Bitrix24 wants a quick 2xx and does not retry.
 */
final class BitrixEventsRoute extends PortalEventRoute {

    static final String PATH = "/bitrix/events";

    private static final Logger log = LoggerFactory.getLogger(BitrixEventsRoute.class);

    private final BitrixEventDecoder decoder = new BitrixEventDecoder();

    BitrixEventsRoute(TrackerFeed feed, ApplicationTokenCheck token, InputHeard heard) {
        super(PATH, feed, token, InputChannel.SERVER_EVENTS, heard);
    }

    @Override
    protected Optional<CallEvent> decode(ObjectNode post, Instant receivedAt) {
        Optional<CallEvent> event = decoder.decode(post, receivedAt);
        if (event.isEmpty()) {
            log.info("Ignored a Bitrix24 event the companion does not follow: {}",
                    printable(BitrixEventDecoder.eventName(post)));
        }
        return event;
    }

    /** Event names are upper-case words; anything else is not written to the log as it came. */
    private static String printable(String name) {
        return name.matches("[A-Z0-9_:.\\-]{1,64}") ? name : "(a name of " + name.length() + " odd characters)";
    }
}
