package io.callcard.listener;

import io.callcard.call.EventChannel;

/**
 * The ways the card's data reaches the companion (protocol.md §1): the CALL_CARD widget's page, the portal's
 * server-side telephony events, and the seed REST transport (its {@code getStatus} poll and the CallCard events it
 * bound). The sandbox speaks through the same three, over HTTP, so it is no channel of its own here.
 */
public enum InputChannel {
    WIDGET_BRIDGE(EventChannel.WIDGET_BRIDGE),
    SERVER_EVENTS(EventChannel.SERVER_EVENTS),
    SEED_TRANSPORT(EventChannel.SEED_TRANSPORT);

    private final EventChannel eventChannel;

    InputChannel(EventChannel eventChannel) {
        this.eventChannel = eventChannel;
    }

    /** The same channel in the call domain's words, as the tracker's hook on applied events tells it. */
    public EventChannel eventChannel() {
        return eventChannel;
    }
}
