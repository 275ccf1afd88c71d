package io.callcard.ui.shell;

import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.LazyTooltip;
import io.callcard.ui.Messages;
import io.callcard.ui.Once;
import io.callcard.ui.Palette;
import io.callcard.ui.Shortcuts;
import io.callcard.ui.Shown;
import io.callcard.ui.callcard.CallCardView;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: sandbox banner on top (while the sandbox plays), the call card with the line saying where
 * its data comes from and the missed-calls badge ({@link CardSourceBar}), the status line below.
 * Settings open from the banner's link, the button beside the status line, or Ctrl+, (Cmd+, on macOS, where that is
 * the usual key). When a portal asks to connect, the question slides in under the card and the banner gives up its place
 * ({@link ConnectQuestionPane}); Esc anywhere in the window ignores it.
 *
 * <p>The window's first frame uses {@link #withScrollingLater}: the card's scroll pane (its skin, two scroll bars and
 * their input maps: measured, about a quarter of the FX thread's time in the first {@code show()}, which applies the
 * CSS and lays out) joins in {@link #addScrolling()} right after that frame. An idle card is short and the pane has
 * no padding or background of its own, so the window looks the same either way.
 */
public final class ShellView extends BorderPane {

    public static final String STYLESHEET = "/io/callcard/ui/shell/app.css";
    public static final KeyCombination SETTINGS_SHORTCUT =
            new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);

    private static final EnumPseudoClasses<ShellViewModel.StatusKind> STATUS_KINDS =
            new EnumPseudoClasses<>(ShellViewModel.StatusKind.class);

    private final HBox statusBar;
    private final VBox content;
    private final CardSourceBar source;
    private final ScrollPane scroller;
    private final Messages messages;
    private final Runnable openSettings;

    /** The whole window's content, the card in its scroll pane. */
    public ShellView(ShellViewModel vm, Messages messages, Runnable openSettings) {
        this(vm, messages, openSettings, true);
    }

    /**
     * The window's content for its first frame: the card not yet in its scroll pane; call {@link #addScrolling()} once
     * the frame is on screen.
     */
    public static ShellView withScrollingLater(ShellViewModel vm, Messages messages, Runnable openSettings) {
        return new ShellView(vm, messages, openSettings, false);
    }

    private ShellView(ShellViewModel vm, Messages messages, Runnable openSettings, boolean scrollingNow) {
        Objects.requireNonNull(openSettings, "openSettings");
        getStyleClass().add("shell");
        getStylesheets().addAll(Palette.STYLESHEET, STYLESHEET);

        // The banner (and its link) is built when the sandbox first plays: the sandbox starts after the first frame,
        // and a window showing a real portal's card never needs it.
        Once.whenTrue(vm.sandboxProperty(), () -> setTop(sandboxBar(vm, messages, openSettings)));

        CallCardView card = new CallCardView(vm.callCard(), messages);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane cardPlace = new StackPane(card);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        source = new CardSourceBar(vm.source(), vm.missedCalls(), messages);
        CardSourceBar.seenWhenLookedAt(card, vm.missedCalls());
        content = new VBox(cardPlace, source);
        content.getStyleClass().add("content");
        // a card taller than the window (a call with its note, a short screen) scrolls rather than pushing the
        // question's bar and the status line out of sight
        scroller = new ScrollPane();
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("content-scroller");
        scroller.skinProperty().addListener((o, was, skin) -> uncacheViewport(scroller));
        setCenter(content);
        if (scrollingNow) {
            addScrolling();
        }
        // The question's bar (ControlsFX) is built when the first portal asks: most windows never need it.
        ConnectQuestions questions = vm.connectQuestions();
        Once.whenTrue(questions.askingProperty(), () -> {
            addScrolling();
            setCenter(null); // the card's content moves into the question's pane
            ConnectQuestionPane questionPane = new ConnectQuestionPane(scroller, questions, messages);
            // the bar lies over the content's foot: the room under the card keeps the card clear of it
            Region room = new Region();
            room.getStyleClass().add("question-room");
            room.minHeightProperty().bind(questionPane.barHeightProperty());
            room.prefHeightProperty().bind(questionPane.barHeightProperty());
            Shown.bind(room, questions.askingProperty());
            // the question's bar lies where the source line is: it gives up its place while the question is asked
            Shown.bind(source, questions.askingProperty().not());
            content.getChildren().add(room);
            setCenter(questionPane);
        });
        addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE && questions.askingProperty().get()) {
                key.consume();
                questions.ignore();
            }
        });

        Label status = new Label();
        status.setId("status-line");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(vm.statusTextProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        STATUS_KINDS.bind(status, vm.statusKindProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setAlignment(Pos.CENTER_LEFT);
        setBottom(statusBar);
        this.messages = messages;
        this.openSettings = openSettings;

        Shortcuts.install(this, SETTINGS_SHORTCUT, openSettings);
    }

    /**
     * Puts the card into its scroll pane (where it stays). The application calls this once the first frame is on
     * screen, before any call can make the card tall; a window made with the public constructor has it already.
     */
    public void addScrolling() {
        if (scroller.getContent() == null) {
            setCenter(null); // the content leaves the window's centre before it enters the scroll pane
            scroller.setContent(content);
            setCenter(scroller);
        }
    }

    /**
     * Adds the Settings button beside the status line. The application calls this once the first frame is on
     * screen: a button brings the button and input-map machinery, which the first frame need not wait for (Ctrl+,
     * works from the start).
     */
    public void addSettingsButton() {
        if (statusBar.lookup("#settings-button") != null) {
            return;
        }
        Button settings = new Button(messages.get("shell.settings"));
        settings.setId("settings-button");
        settings.getStyleClass().add("settings-button");
        settings.setMnemonicParsing(true);
        settings.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.install(settings, messages.get("shell.settings.tooltip"));
        settings.setOnAction(e -> openSettings.run());
        statusBar.getChildren().add(settings);
    }

    /**
     * Puts today's calls under the card (below the source line) and makes {@code keys} open the full history. The
     * application calls this once the first frame is on screen: the history is not part of the first frame.
     */
    public void addHistory(Node todayCalls, KeyCombination keys, Runnable openHistory) {
        if (content.getChildren().contains(todayCalls)) {
            return;
        }
        content.getChildren().add(content.getChildren().indexOf(source) + 1, todayCalls);
        Shortcuts.install(this, keys, openHistory);
    }

    private static HBox sandboxBar(ShellViewModel vm, Messages messages, Runnable openSettings) {
        Label banner = new Label();
        banner.setId("sandbox-banner");
        banner.getStyleClass().add("sandbox-banner");
        banner.textProperty().bind(vm.bannerTextProperty());
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(banner, Priority.ALWAYS);
        Hyperlink settingsLink = new Hyperlink(messages.get("banner.settingsLink"));
        settingsLink.setId("settings-link");
        settingsLink.getStyleClass().add("banner-link");
        settingsLink.setMinWidth(Region.USE_PREF_SIZE);
        settingsLink.setOnAction(e -> openSettings.run());
        HBox bannerBar = new HBox(banner, settingsLink);
        bannerBar.getStyleClass().add("sandbox-bar");
        bannerBar.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.sandboxProperty()); // the words themselves say whether they are shown
        // a question about leaving the sandbox takes the banner's place (and its room) while it is asked
        Shown.bind(bannerBar, vm.sandboxProperty().and(vm.connectQuestions().askingProperty().not()));
        return bannerBar;
    }

    /**
     * The scroll pane's skin caches its viewport as a bitmap, for smooth scrolling of a static page. The card is not
     * static: its timer changes every second, and each change re-rendered the whole cached card into that bitmap and
     * then the bitmap into the window (with software rendering, as on a remote desktop, that was three quarters of the
     * render thread's idle work). Without the cache only the timer's few pixels are repainted.
     */
    private static void uncacheViewport(ScrollPane scroller) {
        Node viewport = scroller.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
