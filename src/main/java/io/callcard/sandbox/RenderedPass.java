package io.callcard.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One pass of a scenario, rendered: what the widget page posts, the server-side events the portal posts for the same
 * calls, and when the next pass would open its first card (the last call's close plus its gap).
 */
public record RenderedPass(List<WidgetPost> widgetPosts, List<TelephonyEventPost> telephonyEvents,
        long nextPassAtMillis) {

    public RenderedPass {
        widgetPosts = List.copyOf(widgetPosts);
        telephonyEvents = List.copyOf(telephonyEvents);
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
