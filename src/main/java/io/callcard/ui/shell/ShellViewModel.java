package io.callcard.ui.shell;

import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardViewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The main window around the call card: the sandbox banner and the status line at the bottom. */
public final class ShellViewModel {

    /** How the status line should look. */
    public enum StatusKind { BUSY, OK, WARNING, ERROR }

    private final Messages messages;
    private final CallCardViewModel callCard;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper sandbox = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<StatusKind> statusKind = new ReadOnlyObjectWrapper<>(StatusKind.BUSY);

    /** A portal's request to connect, waiting for the agent's answer. */
    public record ConnectQuestion(String portalDomain, Consumer<Boolean> answer) {
    }

    /** Questions not yet answered, oldest first; FX thread only. */
    private final Deque<ConnectQuestion> connectQuestions = new ArrayDeque<>();

    public ShellViewModel(Messages messages, CallCardViewModel callCard) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.callCard = Objects.requireNonNull(callCard, "callCard");
        title.set(messages.get("app.title"));
        bannerText.set(messages.get("banner.sandbox"));
        showStatus(StatusKind.BUSY, "status.starting");
    }

    public CallCardViewModel callCard() {
        return callCard;
    }

    /** Whether the calls shown come from the built-in sandbox portal rather than a real one. */
    public void showSandbox(boolean on) {
        sandbox.set(on);
    }

    /** Put the message {@code key} (with its arguments) in the status line. */
    public void showStatus(StatusKind kind, String key, Object... args) {
        statusKind.set(Objects.requireNonNull(kind, "kind"));
        statusText.set(messages.get(key, args));
    }

    /**
     * Asks the agent whether the portal {@code portalDomain} may connect; {@code answer} gets true for Allow, false for
     * Ignore, once, on the UI thread. FX thread. (Minimal stand-in of issue 11's part S, which builds the window's
     * question: at merge, keep S's implementation of this method.)
     */
    public void askToConnect(String portalDomain, Consumer<Boolean> answer) {
        connectQuestions.add(new ConnectQuestion(Objects.requireNonNull(portalDomain, "portalDomain"),
                Objects.requireNonNull(answer, "answer")));
    }

    /** The question shown now, if any; FX thread. (Part of the stand-in above.) */
    public Optional<ConnectQuestion> pendingConnectQuestion() {
        return Optional.ofNullable(connectQuestions.peek());
    }

    /** The agent answers the question shown now; FX thread. (Part of the stand-in above.) */
    public void answerConnectQuestion(boolean allow) {
        ConnectQuestion question = connectQuestions.poll();
        if (question != null) {
            question.answer().accept(allow);
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sandboxProperty() {
        return sandbox.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }
}
