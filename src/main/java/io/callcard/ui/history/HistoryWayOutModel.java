package io.callcard.ui.history;

import io.callcard.ui.Messages;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The buttons under "No history: ..." in both panes: which ways out the problem offers, the two commands, and what
 * came of the last one ("moved to history.db.damaged-...", or why it could not be done). One press at a time.
 */
public final class HistoryWayOutModel {

    private final Messages messages;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper canMoveAside = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canOpenReadOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private HistoryRescue rescue;

    HistoryWayOutModel(Messages messages, Executor ui) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Who does the ways out; until given, none is offered. */
    void use(HistoryRescue doer) {
        rescue = Objects.requireNonNull(doer, "doer");
    }

    /** The history could not be opened: {@code ways} are offered. FX thread. */
    void offer(Set<WayOut> ways) {
        canMoveAside.set(ways.contains(WayOut.MOVE_ASIDE));
        canOpenReadOnly.set(ways.contains(WayOut.OPEN_READ_ONLY));
    }

    /** A store is open: nothing to get out of (what the last way out did stays said). FX thread. */
    void withdraw() {
        canMoveAside.set(false);
        canOpenReadOnly.set(false);
    }

    /** Moves the damaged file aside and starts a new history. FX thread. */
    public void moveAside() {
        if (canMoveAside.get()) {
            run(() -> rescue.moveAsideAndStartNew(),
                    (moved, failed) -> said(failed, () -> messages.get("history.wayOut.moved", moved)));
        }
    }

    /** Opens the file read-only. FX thread. */
    public void openReadOnly() {
        if (canOpenReadOnly.get()) {
            run(() -> rescue.openReadOnly(),
                    (none, failed) -> said(failed, () -> messages.get("history.wayOut.readOnly.done")));
        }
    }

    private <T> void run(Supplier<CompletionStage<T>> way, BiConsumer<T, Throwable> then) {
        if (rescue == null || working.get()) {
            return;
        }
        working.set(true);
        outcome.set("");
        way.get().whenComplete((result, failed) -> ui.execute(() -> {
            working.set(false);
            then.accept(result, failed);
        }));
    }

    private void said(Throwable failed, Supplier<String> done) {
        Throwable why = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
        outcome.set(why == null ? done.get() : messages.get("history.wayOut.failed",
                why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage()));
    }

    public ReadOnlyBooleanProperty canMoveAsideProperty() {
        return canMoveAside.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenReadOnlyProperty() {
        return canOpenReadOnly.getReadOnlyProperty();
    }

    /** A way out is being done: the buttons wait. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** What the last way out did, or why it could not; "" before any. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
