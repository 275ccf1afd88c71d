package io.callcard.ui.settings;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line that says how the last command went: at work, done, or failed, with the words to show. */
public final class OutcomeLine {

    /** How the line should look; the view shows it as a pseudo-class. */
    public enum Kind { NONE, WORKING, SUCCESS, FAILURE }

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(Kind.NONE);

    void show(Kind newKind, String words) {
        kind.set(newKind);
        text.set(words == null ? "" : words);
    }

    void clear() {
        show(Kind.NONE, "");
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }
}
