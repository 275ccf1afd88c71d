package io.callcard.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * The end of a card, from {@code atMillis} into the pass, as the player acts it out live against the
 * {@link SimulatedCallCard}: how it goes depends on the hold, which the companion may change at any time.
 *
 * <p>In {@link CardBehaviour#DOCUMENTED} the closing starts at the close attempt ({@code atMillis} is
 * {@code attemptAtMillis}) and {@code endPosts} is empty: the call's end was posted before it. In
 * {@link CardBehaviour#BITRIX24} it starts at the call's end, because what the widget hears of that end depends on the
 * hold there and then: a card that stays (held, or a campaign card moving to its next client) delivers
 * {@code endPosts} (the final idle, its status poll, the next client's EntityChanged); one that closes at once takes
 * them with its iframe.
 *
 * <p>{@code defaultPosts} are what the widget posts from {@code atMillis} on when nobody sends a command: the rendered
 * pass lists them, and the live close posts the same bodies. The last of them is always the page's {@code closed}.
 */
record CardClosing(long atMillis, CardBehaviour behaviour, boolean heldByAgent, boolean movesToNextClient,
        List<WidgetPost> endPosts, long attemptAtMillis, String beforeCloseJson, String closedJson,
        List<WidgetPost> defaultPosts) implements TimedPost {

    CardClosing {
        Objects.requireNonNull(behaviour, "behaviour");
        endPosts = List.copyOf(endPosts);
        defaultPosts = List.copyOf(defaultPosts);
        Objects.requireNonNull(beforeCloseJson, "beforeCloseJson");
        Objects.requireNonNull(closedJson, "closedJson");
        if (defaultPosts.isEmpty() || !defaultPosts.get(defaultPosts.size() - 1).json().equals(closedJson)) {
            throw new IllegalArgumentException("a card's close ends with the page's closed post");
        }
        if (attemptAtMillis < atMillis) {
            throw new IllegalArgumentException("the close attempt comes after the closing starts");
        }
    }

    /** When the card closes if nobody sends a command. */
    long closedAtMillis() {
        return defaultPosts.get(defaultPosts.size() - 1).atMillis();
    }
}
