package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.TimelineEntry;
import io.callcard.ui.callcard.CrmBinding;
import io.callcard.ui.callcard.CrmPages;
import io.callcard.ui.callcard.NumberClipboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected call's details: its facts as labelled lines, its timeline (read from the store in the background),
 * and two commands: copy the number, open the linked CRM item in Bitrix24.
 */
public final class CallDetailsModel {

    /** One fact: what it is, what it was. */
    public record Fact(String label, String value) {
    }

    /** One event of the call's timeline, in words. */
    public record TimelineLine(String time, String source, String kind, String payload) {
    }

    private final HistoryWords words;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Optional<CallHistory>> store;
    private NumberClipboard clipboard = text -> { };
    private CrmPages pages = CrmPages.NONE;
    private final ReadOnlyObjectWrapper<HistoryCall> call = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<TimelineLine> timeline = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private long generation;

    CallDetailsModel(HistoryWords words, Executor background, Executor ui, Supplier<Optional<CallHistory>> store) {
        this.words = Objects.requireNonNull(words, "words");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.store = Objects.requireNonNull(store, "store");
    }

    void use(NumberClipboard numbers, CrmPages crm) {
        clipboard = Objects.requireNonNull(numbers, "numbers");
        pages = Objects.requireNonNull(crm, "crm");
    }

    /** Shows {@code shown}'s details, or none for null; its timeline follows from the store. FX thread. */
    public void show(HistoryCall shown) {
        generation++;
        call.set(shown);
        timeline.clear();
        problem.set("");
        if (shown == null) {
            title.set("");
            facts.clear();
            canCopy.set(false);
            canOpen.set(false);
            return;
        }
        describe(shown);
        readTimeline(shown);
    }

    /**
     * The call shown changed in the store ({@code fresher}: it ended, its name arrived): its newest facts are shown and
     * its timeline read again, the old lines standing until the new land (nothing blinks). A different call is
     * ignored. FX thread.
     */
    void follow(HistoryCall fresher) {
        HistoryCall shown = call.get();
        if (shown == null || !shown.key().equals(fresher.key())) {
            return;
        }
        generation++;
        call.set(fresher);
        describe(fresher);
        readTimeline(fresher);
    }

    /** The facts said again (the number region changed): the same call, its number read anew. FX thread. */
    void reword() {
        HistoryCall shown = call.get();
        if (shown != null) {
            describe(shown);
        }
    }

    private void describe(HistoryCall shown) {
        title.set(words.who(shown));
        facts.setAll(factsOf(shown));
        canCopy.set(!shown.number().isEmpty());
        canOpen.set(shown.entity() != null && pages.portalOrigin().isPresent());
    }

    private void readTimeline(HistoryCall shown) {
        Optional<CallHistory> history = store.get();
        if (history.isEmpty()) {
            return;
        }
        long asked = generation;
        background.execute(() -> {
            try {
                List<TimelineEntry> entries = history.get().timeline(shown.key());
                ui.execute(() -> {
                    if (asked == generation) {
                        problem.set("");
                        timeline.setAll(entries.stream().map(this::lineOf).toList());
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (asked == generation) {
                        problem.set(words.messages().get("history.details.timelineFailed", e.getMessage()));
                    }
                });
            }
        });
    }

    /** Puts the call's number on the clipboard, as the history keeps it (E.164 where it could be read). */
    public void copyNumber() {
        HistoryCall shown = call.get();
        if (shown != null && !shown.number().isEmpty()) {
            clipboard.put(shown.number());
        }
    }

    /** Opens the linked CRM item's page on the portal in the system browser. */
    public void openInPortal() {
        HistoryCall shown = call.get();
        Optional<String> origin = pages.portalOrigin();
        if (shown != null && shown.entity() != null && origin.isPresent()) {
            pages.open(CrmBinding.pageOf(origin.get(), shown.entity()));
        }
    }

    private List<Fact> factsOf(HistoryCall c) {
        List<Fact> lines = new ArrayList<>();
        add(lines, "history.details.number", words.number(c));
        for (HistoryBinding binding : c.bindings()) {
            add(lines, "history.details.crm." + binding.ref().type().name(),
                    binding.name() == null ? "#" + binding.ref().id() : binding.name());
        }
        add(lines, "history.details.direction", words.direction(c.direction()));
        add(lines, "history.details.outcome", words.outcome(c.outcome()));
        add(lines, "history.details.started", words.dateTime(c.firstHeard()));
        add(lines, "history.details.connected", words.dateTime(c.connectedAt()));
        add(lines, "history.details.ended", words.dateTime(c.endedAt()));
        add(lines, "history.details.ring", c.ringSeconds() == null ? "" : HistoryWords.duration(c.ringSeconds()));
        add(lines, "history.details.talk", words.talk(c.talkSeconds()));
        if (c.failedCode() != null && !"200".equals(c.failedCode())) {
            add(lines, "history.details.failure", c.failedReason().isEmpty() ? c.failedCode()
                    : c.failedCode() + " " + c.failedReason());
        }
        add(lines, "history.details.line", c.lineName().isEmpty() ? c.lineNumber() : c.lineName());
        add(lines, "history.details.callId", c.callId());
        if (c.cost() != null) {
            add(lines, "history.details.cost", c.costCurrency() == null ? c.cost() : c.cost() + " " + c.costCurrency());
        }
        return lines;
    }

    private void add(List<Fact> lines, String key, String value) {
        if (value != null && !value.isEmpty()) {
            lines.add(new Fact(words.messages().get(key), value));
        }
    }

    private TimelineLine lineOf(TimelineEntry entry) {
        return new TimelineLine(words.dateTime(entry.at()), words.source(entry.source()), entry.kind(),
                entry.payload());
    }

    public ReadOnlyObjectProperty<HistoryCall> callProperty() {
        return call.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<Fact> facts() {
        return FXCollections.unmodifiableObservableList(facts);
    }

    public ObservableList<TimelineLine> timeline() {
        return FXCollections.unmodifiableObservableList(timeline);
    }

    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenProperty() {
        return canOpen.getReadOnlyProperty();
    }

    /** Why the timeline could not be read, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
