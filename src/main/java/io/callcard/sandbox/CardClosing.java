package io.callcard.sandbox;

import java.util.List;

/**
 * A card's close attempt, {@code atMillis} into the pass, as the player acts it out live against the
 * {@link SimulatedCallCard}: how it goes depends on the hold, which the companion may change at any time.
 * {@code defaultPosts} are what the widget posts when nobody sends a command (BeforeClose; a second BeforeClose 65 s
 * later when the agent holds the card; {@code closed}): the rendered pass lists them, and the live close posts the
 * same bodies.
 */
record CardClosing(long atMillis, boolean heldByAgent, List<WidgetPost> defaultPosts) implements TimedPost {

    CardClosing {
        defaultPosts = List.copyOf(defaultPosts);
        if (defaultPosts.size() < 2) {
            throw new IllegalArgumentException("a close has a BeforeClose and a closed post");
        }
    }

    String beforeCloseJson() {
        return defaultPosts.get(0).json();
    }

    String closedJson() {
        return defaultPosts.get(defaultPosts.size() - 1).json();
    }

    /** When the card closes if nobody sends a command. */
    long closedAtMillis() {
        return defaultPosts.get(defaultPosts.size() - 1).atMillis();
    }
}
