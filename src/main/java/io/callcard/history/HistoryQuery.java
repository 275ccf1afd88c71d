package io.callcard.history;

import io.callcard.call.CallDirection;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which calls to show, and in which order: the history pane's search box, filters and sorted column, and the same
 * options of {@code callcard history export} and {@code stats}.
 *
 * @param text       what the agent typed: a number fragment in any format ("4567", "+7 495", "8 (495)") or part of a
 *                   name (case-insensitive, Cyrillic included); {@code ""} for no search
 * @param from       the first instant shown (inclusive, by {@link HistoryCall#firstHeard()}), or null for no bound
 * @param to         the instant after the last shown (exclusive), or null for no bound
 * @param directions the directions shown; empty for all
 * @param outcomes   the outcomes shown; empty for all
 * @param linked     true for calls linked to a CRM item only, false for unlinked only, null for both
 * @param sort       the sorted column
 * @param descending whether it sorts from the largest (newest) down
 */
public record HistoryQuery(String text, Instant from, Instant to, Set<CallDirection> directions,
                           Set<Outcome> outcomes, Boolean linked, SortColumn sort, boolean descending) {

    /** The columns the history sorts by. */
    public enum SortColumn {
        TIME, DIRECTION, NUMBER, CRM_NAME, OUTCOME, TALK_TIME
    }

    /** Every call, newest first. */
    public static final HistoryQuery ALL = new HistoryQuery("", null, null, Set.of(), Set.of(), null, SortColumn.TIME,
            true);

    public HistoryQuery {
        text = text == null ? "" : text.strip();
        directions = directions == null ? Set.of() : Set.copyOf(directions);
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        Objects.requireNonNull(sort, "sort");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the range's start " + from + " is not before its end " + to);
        }
    }

    public HistoryQuery withText(String newText) {
        return new HistoryQuery(newText, from, to, directions, outcomes, linked, sort, descending);
    }

    public HistoryQuery withRange(Instant newFrom, Instant newTo) {
        return new HistoryQuery(text, newFrom, newTo, directions, outcomes, linked, sort, descending);
    }

    public HistoryQuery withDirections(Set<CallDirection> newDirections) {
        return new HistoryQuery(text, from, to, newDirections, outcomes, linked, sort, descending);
    }

    public HistoryQuery withOutcomes(Set<Outcome> newOutcomes) {
        return new HistoryQuery(text, from, to, directions, newOutcomes, linked, sort, descending);
    }

    public HistoryQuery withLinked(Boolean newLinked) {
        return new HistoryQuery(text, from, to, directions, outcomes, newLinked, sort, descending);
    }

    public HistoryQuery sortedBy(SortColumn newSort, boolean newDescending) {
        return new HistoryQuery(text, from, to, directions, outcomes, linked, newSort, newDescending);
    }
}
