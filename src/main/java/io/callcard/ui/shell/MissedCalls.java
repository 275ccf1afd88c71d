package io.callcard.ui.shell;

import io.callcard.call.CallUpdate;
import io.callcard.ui.Messages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The calls the agent missed since last looking (which calls count: {@link MissedCallRule}): the window's badge and
 * the tray read {@link #countProperty()}; {@link #seen()} when the agent looked (the window brought forward or focused
 * with the card showing, or the badge pressed) starts the count again from zero. Plain Java with JavaFX properties;
 * its properties change on the UI thread only.
 */
public final class MissedCalls {

    private final Messages messages;
    /** The calls counted and not seen yet (a call the portal later says was answered leaves it). UI thread. */
    private final Set<MissedCallRule.CallKey> unseen = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper badgeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper accessibleText = new ReadOnlyStringWrapper("");

    public MissedCalls(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        rerender();
    }

    /**
     * A subscriber for the call tracker: it judges each update on the tracker's thread (it must see every one, which a
     * relay keeping only the newest snapshot would not) and hands what changes the count to {@code ui}.
     */
    public Consumer<CallUpdate> watcher(Executor ui) {
        Objects.requireNonNull(ui, "ui");
        MissedCallRule rule = new MissedCallRule();
        return update -> {
            List<MissedCallRule.Change> changes = rule.judge(update);
            if (!changes.isEmpty()) {
                ui.execute(() -> changes.forEach(this::apply));
            }
        };
    }

    /** The agent looked: nothing missed since. */
    public void seen() {
        unseen.clear();
        rerender();
    }

    private void apply(MissedCallRule.Change change) {
        if (change.missed()) {
            unseen.add(change.call());
        } else {
            unseen.remove(change.call());
        }
        rerender();
    }

    /** Say the count again (also after the language changed). */
    public void rerender() {
        int n = unseen.size();
        badgeText.set(n == 0 ? "" : messages.get("missed.badge", n));
        accessibleText.set(n == 0 ? "" : messages.get("missed.accessible", n));
        any.set(n > 0);
        count.set(n); // last: whoever follows the count finds the words already matching it
    }

    /** The calls missed since the agent last looked. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Whether any call was missed since the agent last looked (the badge shows only then). */
    public ReadOnlyBooleanProperty anyProperty() {
        return any.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty badgeTextProperty() {
        return badgeText.getReadOnlyProperty();
    }

    /** The badge as one sentence for a screen reader, saying what pressing it does. */
    public ReadOnlyStringProperty accessibleTextProperty() {
        return accessibleText.getReadOnlyProperty();
    }
}
