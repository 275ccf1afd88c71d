package io.callcard.ui.history;

import io.callcard.call.CallDirection;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import io.callcard.numbers.PhoneNumbers;
import io.callcard.ui.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How the history says a call's facts: times in the agent's zone and language, numbers read as the card reads them,
 * directions, outcomes, durations.
 */
public final class HistoryWords {

    private final Messages messages;
    private final ZoneId zone;
    /** The region numbers without a country code are read in: the card's, once the application says it. */
    private volatile Supplier<String> region = () -> PhoneNumbers.UNKNOWN_REGION;
    private final ReadOnlyStringWrapper shownRegion = new ReadOnlyStringWrapper(PhoneNumbers.UNKNOWN_REGION);

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

    /** Numbers are read in {@code chosen}'s region from now on (the card's: the agent's, the portal's, ours). */
    void readNumbersIn(Supplier<String> chosen) {
        region = Objects.requireNonNull(chosen, "chosen");
    }

    /**
     * Asks the region again; when it is another than the numbers shown were read in, {@link #regionProperty()} says the
     * new one (the views draw their numbers again) and this answers true. FX thread.
     */
    boolean regionMayHaveChanged() {
        String now = region.get();
        if (now.equals(shownRegion.get())) {
            return false;
        }
        shownRegion.set(now);
        return true;
    }

    /** The region the numbers shown were read in; a change means every shown number is to be drawn again. */
    public ReadOnlyStringProperty regionProperty() {
        return shownRegion.getReadOnlyProperty();
    }

    /**
     * The other side's number as the card shows it ("+7 495 123-45-67", read in the region), or the words for a hidden
     * or unknown one (the history keeps both as no number). Copying still takes the stored E.164.
     */
    public String number(HistoryCall call) {
        return call.number().isEmpty() ? messages.get("history.number.hidden")
                : PhoneNumbers.read(call.number(), region.get()).forReading();
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
