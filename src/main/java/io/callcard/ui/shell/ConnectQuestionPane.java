package io.callcard.ui.shell;

import io.callcard.ui.Messages;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * The main content with the question "acme.bitrix24.com wants to connect" sliding in over its foot (ControlsFX's
 * notification bar), with Allow and Ignore. The bar lies over the content, so the content makes room for it under the
 * card ({@link #barHeightProperty()}, see {@link ShellView}): the question does not cover the call it could be about.
 * Keys: each answer has a mnemonic (Alt+A, Alt+I), Esc ignores, and the question takes the focus on Ignore, so a key
 * pressed by habit (Space, Enter) never lets a portal in: allowing is always a deliberate choice. The next question,
 * if any, follows once the bar has slid away. FX thread only.
 */
final class ConnectQuestionPane extends NotificationPane {

    static final String ALLOW_CLASS = "connect-allow";
    static final String IGNORE_CLASS = "connect-ignore";

    private final ConnectQuestions questions;
    private final Action allow;
    private final Action ignore;
    private final ReadOnlyDoubleWrapper barHeight = new ReadOnlyDoubleWrapper(0);

    ConnectQuestionPane(Node content, ConnectQuestions questions, Messages messages) {
        super(content);
        this.questions = Objects.requireNonNull(questions, "questions");
        setId("connect-question");
        getStyleClass().add("connect-question");
        // from the bottom: ControlsFX sizes a bar shown from the top as if its words stood on one line, and cuts them
        setShowFromTop(false);
        setCloseButtonVisible(false); // closing without an answer would leave the asker waiting
        allow = new Action(messages.get("connect.allow"), pressed -> questions.allow());
        allow.getStyleClass().add(ALLOW_CLASS);
        allow.setLongText(messages.get("connect.help"));
        ignore = new Action(messages.get("connect.ignore"), pressed -> questions.ignore());
        ignore.getStyleClass().add(IGNORE_CLASS);
        ignore.setLongText(messages.get("connect.help"));
        getActions().setAll(allow, ignore);
        setOnShown(shown -> focusIgnore());
        setOnHidden(hidden -> showCurrent()); // the next question comes once the last one has slid away

        // the words change with every question and only then (no two questions name the same portal)
        questions.textProperty().addListener((obs, old, now) -> showCurrent());
        // the bar slides only once it has a skin: the question that made this pane is shown when the skin comes
        skinProperty().addListener((obs, old, now) -> {
            if (lookup(".notification-bar") instanceof Region bar) {
                barHeight.bind(bar.heightProperty());
            }
            if (lookup(".notification-bar .label") instanceof Label words) {
                // the question wraps: its lines are counted at the bar's width, none is cut off
                words.setWrapText(true);
                words.setMinHeight(Region.USE_PREF_SIZE);
            }
            if (lookup(".notification-bar .button-bar") instanceof Region answers) {
                answers.setMinWidth(Region.USE_PREF_SIZE); // the answers keep their words; the question wraps
            }
            showCurrent();
        });
    }

    /** The height of the question's bar: the room the content keeps free under the card while a question is shown. */
    ReadOnlyDoubleProperty barHeightProperty() {
        return barHeight.getReadOnlyProperty();
    }

    private void showCurrent() {
        String question = questions.textProperty().get();
        if (question.isEmpty() || (isShowing() && !question.equals(getText()))) {
            hide(); // a bar on screen slides away first; the next question follows when it has gone
        } else if (!isShowing()) {
            setText(question);
            show();
        }
    }

    private void focusIgnore() {
        Node button = lookup("." + IGNORE_CLASS);
        if (button instanceof Button ignoreButton) {
            ignoreButton.requestFocus();
        }
    }
}
