package io.callcard.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass of a scenario, rendered: what the widget page posts when the companion sends no commands, the server-side
 * events the portal posts for the same calls, when the next pass would open its first card (the last call's close
 * plus its gap), and each card's close attempt, which the player acts out live ({@link #liveTimeline}).
 */
public record RenderedPass(List<WidgetPost> widgetPosts, List<TelephonyEventPost> telephonyEvents,
        long nextPassAtMillis, List<CardClosing> closings) {

    public RenderedPass {
        widgetPosts = List.copyOf(widgetPosts);
        telephonyEvents = List.copyOf(telephonyEvents);
        closings = List.copyOf(closings);
    }

    /**
     * As {@link #timeline}, but each card's close posts (in Bitrix24's behaviour also the posts of the call's end)
     * replaced by its {@link CardClosing}, which the player acts out against the card as the companion's commands
     * leave it.
     */
    List<TimedPost> liveTimeline(boolean withTelephonyEvents) {
        Set<WidgetPost> closePosts = new HashSet<>();
        for (CardClosing closing : closings) {
            closePosts.addAll(closing.endPosts());
            closePosts.addAll(closing.defaultPosts());
        }
        List<TimedPost> all = new ArrayList<>();
        for (TimedPost post : timeline(withTelephonyEvents)) {
            if (!closePosts.contains(post)) {
                all.add(post);
            }
        }
        all.addAll(closings);
        all.sort(Comparator.comparingLong(TimedPost::atMillis)); // stable: a closing goes after what it follows
        return List.copyOf(all);
    }

    /**
     * Everything in the order it goes out: by time, and at the same moment a server-side event before the widget's
     * post, because the portal registers a call before the card it opens for it can report anything.
     */
    public List<TimedPost> timeline(boolean withTelephonyEvents) {
        List<TimedPost> all = new ArrayList<>();
        if (withTelephonyEvents) {
            all.addAll(telephonyEvents);
        }
        all.addAll(widgetPosts);
        all.sort(Comparator.comparingLong(TimedPost::atMillis)); // stable: ties keep events first
        return List.copyOf(all);
    }
}
