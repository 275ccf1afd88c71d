package io.callcard.ui.history;

import io.callcard.call.CallDirection;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import io.callcard.ui.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;

/** How the history says a call's facts: times in the agent's zone and language, directions, outcomes, durations. */
public final class HistoryWords {

    private final Messages messages;
    private final ZoneId zone;

    public HistoryWords(Messages messages, ZoneId zone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public Messages messages() {
        return messages;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The time of day, "14:05": today's list, where the date goes without saying. */
    public String timeOfDay(Instant at) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(messages.locale()).withZone(zone)
                .format(at);
    }

    /** The date and time, "04.12.2026, 14:05:09" (the locale's own order). */
    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(messages.locale()).withZone(zone).format(at);
    }

    public String direction(CallDirection direction) {
        return messages.get("history.direction." + direction.name());
    }

    public String outcome(Outcome outcome) {
        return messages.get("history.outcome." + outcome.name());
    }

    public String source(FactSource source) {
        return messages.get("history.source." + source.name());
    }

    /** The other side's number, or the words for a hidden one. */
    public String number(HistoryCall call) {
        return call.number().isEmpty() ? messages.get("history.number.hidden") : call.number();
    }

    /** Who the call was with: the CRM name once known, else the number. */
    public String who(HistoryCall call) {
        String name = call.crmName();
        return name != null ? name : number(call);
    }

    /** Talk time as "m:ss" ("h:mm:ss" from an hour on); "" when unknown. */
    public String talk(Integer seconds) {
        return seconds == null ? "" : duration(seconds);
    }

    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
