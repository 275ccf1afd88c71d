package io.callcard.ui.shell;

import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardViewModel;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window around the call card: the sandbox banner, the question "a portal wants to connect" and the status
 * line at the bottom.
 */
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
    private final ConnectQuestions connectQuestions;
    private final MissedCalls missedCalls;
    private final SourceViewModel source;
    /** The status line's message key and arguments, kept to say them again in another language. */
    private String statusKey;
    private Object[] statusArgs;

    public ShellViewModel(Messages messages, CallCardViewModel callCard) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.callCard = Objects.requireNonNull(callCard, "callCard");
        this.connectQuestions = new ConnectQuestions(messages);
        this.missedCalls = new MissedCalls(messages);
        this.source = new SourceViewModel(messages);
        title.set(messages.get("app.title"));
        bannerText.set(messages.get("banner.sandbox"));
        showStatus(StatusKind.BUSY, "status.starting");
        messages.localeProperty().addListener((obs, old, now) -> rerender());
    }

    /**
     * Says everything again in the language {@link Messages} speaks now (it was switched in place): the title, the
     * banner, the last status with its arguments, the question shown, and the card's last snapshot. The window rebuilds its views for the
     * words they hold themselves.
     */
    public void rerender() {
        title.set(messages.get("app.title"));
        bannerText.set(messages.get("banner.sandbox"));
        statusText.set(messages.get(statusKey, statusArgs));
        connectQuestions.sayAgain();
        source.rerender();
        missedCalls.rerender();
        callCard.apply(callCard.snapshot());
    }

    public CallCardViewModel callCard() {
        return callCard;
    }

    /**
     * Asks the agent, in the window, whether the portal {@code portalDomain} may connect (sandbox mode: a proven widget
     * form of a portal not configured, security.md). FX thread. The window shows the question until the agent
     * answers; {@code answer} gets true for Allow, false for Ignore, exactly once, on the FX thread. Questions asked
     * while one is shown wait their turn, in order.
     */
    public void askToConnect(String portalDomain, Consumer<Boolean> answer) {
        connectQuestions.ask(portalDomain, answer);
    }

    /** The question the window asks, and the agent's two answers. */
    public ConnectQuestions connectQuestions() {
        return connectQuestions;
    }

    /** The calls missed since the agent last looked: the window's badge, and the tray's count. */
    public MissedCalls missedCalls() {
        return missedCalls;
    }

    /** Where the card's data comes from and when it was last heard, or why nothing is heard. */
    public SourceViewModel source() {
        return source;
    }

    /** Whether the calls shown come from the built-in sandbox portal rather than a real one. */
    public void showSandbox(boolean on) {
        sandbox.set(on);
    }

    /** Put the message {@code key} (with its arguments) in the status line. */
    public void showStatus(StatusKind kind, String key, Object... args) {
        statusKind.set(Objects.requireNonNull(kind, "kind"));
        statusKey = key;
        statusArgs = args.clone();
        statusText.set(messages.get(key, args));
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
