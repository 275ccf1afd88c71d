package io.callcard.ui.shell;

import io.callcard.ui.Messages;
import io.callcard.ui.shell.SourceWords.Kind;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The small line under the card that says where its data comes from and when the companion last heard from it
 * ("Widget bridge · just now", "Server events · 10 s ago"), or, when it hears nothing, why ("No call card open in
 * Bitrix24"). Plain Java with JavaFX properties; {@link #show} on the UI thread.
 */
public final class SourceViewModel {

    private final Messages messages;
    private SourceWords words = SourceLine.describe(SourceFacts.STARTING, Instant.EPOCH);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper accessibleText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(Kind.SILENT);

    public SourceViewModel(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        show(words);
    }

    /** Say {@code next}. */
    public void show(SourceWords next) {
        words = Objects.requireNonNull(next, "words");
        String heard = words.channel() == null ? ""
                : messages.get("source.heard", channelName(words.channel()), ageText(words.age()));
        if (words.kind() == Kind.LIVE) {
            text.set(heard);
            accessibleText.set(messages.get("source.accessible.live", heard));
        } else {
            String why = silenceText(words.silence());
            text.set(heard.isEmpty() ? why : messages.get("source.silentHeard", why, heard));
            accessibleText.set(messages.get("source.accessible.silent", text.get()));
        }
        kind.set(words.kind());
    }

    /** Say the last words again (after the language changed). */
    public void rerender() {
        show(words);
    }

    public SourceWords words() {
        return words;
    }

    private String channelName(SourceWords.Channel channel) {
        switch (channel) {
            case WIDGET_BRIDGE:
                return messages.get("source.channel.widgetBridge");
            case SANDBOX_WIDGET:
                return messages.get("source.channel.sandboxWidget");
            case SERVER_EVENTS:
                return messages.get("source.channel.serverEvents");
            case SANDBOX_SERVER_EVENTS:
                return messages.get("source.channel.sandboxServerEvents");
            default:
                return messages.get("source.channel.seedTransport");
        }
    }

    private String ageText(SourceWords.Age age) {
        switch (age.unit()) {
            case NOW:
                return messages.get("source.age.now");
            case SECONDS:
                return messages.get("source.age.seconds", age.amount());
            case MINUTES:
                return messages.get("source.age.minutes", age.amount());
            default:
                return messages.get("source.age.hours", age.amount());
        }
    }

    private String silenceText(SourceWords.Silence silence) {
        switch (silence) {
            case STARTING:
                return messages.get("source.silence.starting");
            case NOT_LISTENING:
                return messages.get("source.silence.notListening");
            case SANDBOX_NO_CARD:
                return messages.get("source.silence.sandboxNoCard");
            case NO_CARD:
                return messages.get("source.silence.noCard");
            case WIDGET_NEVER_LOADED:
                return messages.get("source.silence.widgetNeverLoaded");
            case WIDGET_NOT_INSTALLED:
                return messages.get("source.silence.widgetNotInstalled");
            case WIDGET_NOT_FIRST_TAB:
                return messages.get("source.silence.widgetNotFirstTab");
            default:
                return messages.get("source.silence.seedRefused");
        }
    }

    /** The line as shown. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The line as one sentence for a screen reader. */
    public ReadOnlyStringProperty accessibleTextProperty() {
        return accessibleText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }
}
