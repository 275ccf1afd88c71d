package io.callcard.ui.shell;

import io.callcard.ui.Messages;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * The main content with the question "acme.bitrix24.com wants to connect" sliding in over its foot (ControlsFX's
 * notification bar), with Allow and Ignore. The bar shows from the bottom because the call card stands at the top
 * of the content: the question never covers the call it could be about. Keys: each answer has a mnemonic (Alt+A,
 * Alt+I), Esc ignores, and the question takes the focus on Ignore, so a key pressed by habit (Space, Enter) never
 * lets a portal in: allowing is always a deliberate choice. The next question, if any, follows once the bar has
 * gone. FX thread only.
 */
final class ConnectQuestionPane extends NotificationPane {

    static final String ALLOW_CLASS = "connect-allow";
    static final String IGNORE_CLASS = "connect-ignore";

    private final ConnectQuestions questions;
    private final Action allow;
    private final Action ignore;

    ConnectQuestionPane(Node content, ConnectQuestions questions, Messages messages) {
        super(content);
        this.questions = Objects.requireNonNull(questions, "questions");
        setId("connect-question");
        getStyleClass().add("connect-question");
        setShowFromTop(false);
        setCloseButtonVisible(false); // closing without an answer would leave the asker waiting
        allow = new Action(messages.get("connect.allow"), pressed -> questions.allow());
        allow.getStyleClass().add(ALLOW_CLASS);
        allow.setLongText(messages.get("connect.help"));
        ignore = new Action(messages.get("connect.ignore"), pressed -> questions.ignore());
        ignore.getStyleClass().add(IGNORE_CLASS);
        ignore.setLongText(messages.get("connect.help"));
        setOnShown(shown -> focusIgnore());

        // the words change with every question and only then (no two questions name the same portal)
        questions.textProperty().addListener((obs, old, now) -> showCurrent());
        showCurrent();
    }

    private void showCurrent() {
        String question = questions.textProperty().get();
        if (question.isEmpty()) {
            hide();
        } else {
            show(question, null, allow, ignore); // a bar on screen slides away first, then this one comes
        }
    }

    private void focusIgnore() {
        Node button = lookup("." + IGNORE_CLASS);
        if (button instanceof Button ignoreButton) {
            ignoreButton.requestFocus();
        }
    }
}
