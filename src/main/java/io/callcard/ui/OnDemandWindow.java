package io.callcard.ui;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window over the main one made on demand (the settings, the full history): the first showing makes it, a showing
 * while it is up brings it forward, and a showing after the language changed makes it anew in the new language (its
 * words are read when its views are built). Esc closes it, after giving the window the chance to withdraw something of
 * its own first (a question it is asking). FX thread only.
 */
public final class OnDemandWindow {

    private final Window owner;
    private final Messages messages;
    private final Function<Stage, Parent> content;
    private final Consumer<Stage> setUp;
    private final double width;
    private final double height;
    private BooleanSupplier withdrawOnEscape = () -> false;
    private Stage stage;
    /** The language {@link #stage} was made in. */
    private Locale madeIn;

    /**
     * @param content what the window shows, made in the language of the moment and given the window (to close itself)
     * @param setUp   the window's title, modality and least size, set on each new window before it is first shown
     */
    public OnDemandWindow(Window owner, Messages messages, Function<Stage, Parent> content, double width,
                          double height, Consumer<Stage> setUp) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.content = Objects.requireNonNull(content, "content");
        this.setUp = Objects.requireNonNull(setUp, "setUp");
        this.width = width;
        this.height = height;
    }

    /** Esc first asks {@code withdraw}; when it withdrew something (answers true), the window stays open. */
    public OnDemandWindow withdrawingOnEscape(BooleanSupplier withdraw) {
        withdrawOnEscape = Objects.requireNonNull(withdraw, "withdraw");
        return this;
    }

    /**
     * Shows the window, made anew when the language changed since, or brings it forward when it is up already;
     * {@code opening} runs just before it is shown (not when it is only brought forward): the window reads afresh.
     */
    public void show(Runnable opening) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        if (stage == null || !messages.locale().equals(madeIn)) {
            madeIn = messages.locale();
            stage = build();
        }
        opening.run();
        stage.show();
    }

    private Stage build() {
        Stage window = new Stage();
        window.initOwner(owner);
        setUp.accept(window);
        Scene scene = new Scene(content.apply(window), width, height);
        // a filter, because text fields would otherwise take Esc for themselves
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (!withdrawOnEscape.getAsBoolean()) {
                    window.close();
                }
            }
        });
        window.setScene(scene);
        return window;
    }

    /** The window, once made; null before. */
    public Stage stage() {
        return stage;
    }
}
