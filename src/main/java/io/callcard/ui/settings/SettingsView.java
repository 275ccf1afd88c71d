package io.callcard.ui.settings;

import io.callcard.prefs.Theme;
import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.Messages;
import io.callcard.ui.Palette;
import io.callcard.ui.PseudoClasses;
import io.callcard.ui.Shown;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The settings window's content: the window (theme, language, on top, compact, notifications: applied at once), the
 * portal (what is saved now, the webhook to connect, its rate limit, connect and disconnect) and this computer (number
 * region, listener port and address, the application token, the widget sign-in offer, save: after a restart). Built in code; every look is in
 * {@code settings.css}, states are pseudo-classes. Every control has a mnemonic (Alt+letter); Enter in the webhook
 * field connects, Enter in the port field saves.
 */
public final class SettingsView extends BorderPane {

    public static final String STYLESHEET = "/io/callcard/ui/settings/settings.css";

    private static final EnumPseudoClasses<OutcomeLine.Kind> OUTCOME_KINDS =
            new EnumPseudoClasses<>(OutcomeLine.Kind.class);
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");

    private final SettingsViewModel vm;
    private final Messages messages;

    public SettingsView(SettingsViewModel vm, Messages messages, Runnable close) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("settings");
        getStylesheets().addAll(Palette.STYLESHEET, STYLESHEET);

        VBox sections = new VBox(windowSection(), new Separator(), portalSection(), new Separator(), localSection());
        vm.about().ifPresent(facts -> sections.getChildren().addAll(new Separator(), aboutSection(facts)));
        sections.getStyleClass().add("sections");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        // a keyboard user tabbing down the long page sees the control that has the focus
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> keepInView(scroll, now));
            }
        });
        setCenter(scroll);
        setBottom(buttonBar(close));
    }

    private Node portalSection() {
        Label saved = wrapping(new Label(), "saved-portal", "saved-portal");
        saved.textProperty().bind(vm.savedPortalTextProperty());
        PseudoClasses.bind(saved, CONNECTED, vm.savedPortalHostProperty().isNotNull());

        PasswordField hidden = new PasswordField();
        hidden.setId("webhook-field");
        TextField shown = new TextField();
        shown.setId("webhook-field-shown");
        CheckBox show = new CheckBox(messages.get("settings.webhook.show"));
        show.setId("show-webhook");
        for (TextField field : new TextField[] {hidden, shown}) {
            field.textProperty().bindBidirectional(vm.webhookUrlProperty());
            field.setPromptText(messages.get("settings.webhook.prompt"));
            field.disableProperty().bind(vm.busyProperty());
            field.setOnAction(e -> vm.connect());
            field.getStyleClass().add("webhook-field");
        }
        // stacked in one place: only which of the two is visible changes
        shown.visibleProperty().bind(show.selectedProperty());
        hidden.visibleProperty().bind(show.selectedProperty().not());
        show.selectedProperty().addListener((obs, old, now) -> (now ? shown : hidden).requestFocus());
        StackPane fields = new StackPane(hidden, shown);
        HBox.setHgrow(fields, Priority.ALWAYS);
        HBox webhookRow = row("webhook-row", fields, show);
        Label webhookLabel = mnemonicLabel("settings.webhook.label", hidden);
        show.selectedProperty().addListener((obs, old, now) -> webhookLabel.setLabelFor(now ? shown : hidden));

        Label hint = wrapping(new Label(), "webhook-hint", "hint");
        hint.textProperty().bind(vm.webhookHintProperty());
        PseudoClasses.bind(hint, INVALID, vm.webhookInvalidProperty());

        ToggleGroup limits = new ToggleGroup();
        RadioButton standard = rateLimitButton(RateLimitChoice.STANDARD, limits);
        RadioButton enterprise = rateLimitButton(RateLimitChoice.ENTERPRISE, limits);
        limits.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.rateLimitProperty().set((RateLimitChoice) now.getUserData());
            }
        });
        vm.rateLimitProperty().addListener((obs, old, now) -> (now == RateLimitChoice.ENTERPRISE ? enterprise
                : standard).setSelected(true));
        (vm.rateLimitProperty().get() == RateLimitChoice.ENTERPRISE ? enterprise : standard).setSelected(true);
        Label rateLabel = mnemonicLabel("settings.rateLimit.label", standard);

        Button connect = button("connect-button", "settings.connect", vm::connect);
        connect.getStyleClass().add("primary");
        connect.disableProperty().bind(vm.canConnectProperty().not());
        Button disconnect = button("disconnect-button", "settings.disconnect", vm::requestDisconnect);
        disconnect.disableProperty().bind(vm.canDisconnectProperty().not());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("busy-indicator");
        progress.getStyleClass().add("busy-indicator");
        progress.visibleProperty().bind(vm.busyProperty()); // keeps its place, so the buttons never shift

        VBox section = section("settings.portal.heading", saved, webhookLabel, webhookRow, hint, rateLabel,
                row("rate-row", standard, enterprise), row("portal-actions", connect, disconnect, progress),
                disconnectConfirmation(), outcome(vm.portalOutcome(), "portal-outcome"));
        section.setId("portal-section");
        return section;
    }

    private Node windowSection() {
        WindowPreferencesViewModel prefs = vm.window();
        Label atOnce = wrapping(new Label(messages.get("settings.window.atOnce")), "window-help", "help");
        HBox themes = choiceRow("theme-row", "theme-", Theme.values(), prefs.themeProperty(),
                theme -> messages.get("settings.theme." + theme.name()));
        Label themeLabel = mnemonicLabel("settings.theme.label", themes.getChildren().get(0));
        HBox languages = choiceRow("language-row", "language-", LanguageChoice.values(), prefs.languageProperty(),
                this::languageName);
        Label languageLabel = mnemonicLabel("settings.language.label", languages.getChildren().get(0));
        CheckBox onTop = check("on-top-check", "settings.onTop", prefs.alwaysOnTopProperty());
        CheckBox compact = check("compact-check", "settings.compact", prefs.compactProperty());
        Label notifyLabel = new Label(messages.get("settings.notify.label"));
        notifyLabel.getStyleClass().add("field-label");
        CheckBox incoming = check("notify-incoming-check", "settings.notify.incoming", prefs.notifyIncomingProperty());
        CheckBox missed = check("notify-missed-check", "settings.notify.missed", prefs.notifyMissedProperty());
        CheckBox failed = check("notify-failed-check", "settings.notify.failed", prefs.notifyFailedProperty());
        VBox notifications = new VBox(incoming, missed, failed);
        notifications.getStyleClass().add("check-list");
        VBox section = section("settings.window.heading", atOnce, themeLabel, themes, languageLabel, languages,
                onTop, compact, notifyLabel, notifications);
        section.setId("window-section");
        return section;
    }

    /** A language in its own words ("Русский", whatever the window speaks now). */
    private String languageName(LanguageChoice choice) {
        return messages.get("settings.language." + choice.name());
    }

    /** One radio button per value, kept in step with {@code property} both ways. */
    private <T extends Enum<T>> HBox choiceRow(String styleClass, String idPrefix, T[] values,
                                               javafx.beans.property.ObjectProperty<T> property,
                                               java.util.function.Function<T, String> words) {
        ToggleGroup group = new ToggleGroup();
        HBox row = row(styleClass);
        for (T value : values) {
            RadioButton button = new RadioButton(words.apply(value));
            button.setId(idPrefix + EnumPseudoClasses.cssName(value));
            button.setUserData(value);
            button.setToggleGroup(group);
            button.setMnemonicParsing(false);
            button.setSelected(value == property.get());
            row.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                property.set(chosen);
            }
        });
        property.addListener((obs, old, now) -> group.getToggles().forEach(
                toggle -> toggle.setSelected(toggle.getUserData() == now)));
        return row;
    }

    private CheckBox check(String id, String key, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(messages.get(key));
        box.setId(id);
        box.setWrapText(true);
        box.setMnemonicParsing(true);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private Node disconnectConfirmation() {
        Label question = wrapping(new Label(), "disconnect-question", "question");
        question.textProperty().bind(vm.disconnectQuestionProperty());
        Button forget = button("forget-button", "settings.disconnect.confirm", vm::confirmDisconnect);
        forget.getStyleClass().add("danger");
        Button keep = button("keep-button", "settings.disconnect.keep", vm::cancelDisconnect);
        // the question above its answers: in Russian it is too long to share a line with them
        VBox bar = new VBox(question, row("confirm-actions", forget, keep));
        bar.getStyleClass().add("confirm-bar");
        bar.setId("disconnect-confirm");
        Shown.bind(bar, vm.confirmingDisconnectProperty());
        // the safe answer takes the focus, so a stray Enter keeps the portal
        vm.confirmingDisconnectProperty().addListener((obs, old, now) -> {
            if (now) {
                keep.requestFocus();
            }
        });
        return bar;
    }

    private Node localSection() {
        TextField port = new TextField();
        port.setId("port-field");
        port.getStyleClass().add("port-field");
        port.setPrefColumnCount(6);
        port.setMaxWidth(Region.USE_PREF_SIZE);
        port.textProperty().bindBidirectional(vm.listenerPortProperty());
        port.disableProperty().bind(vm.busyProperty());
        port.setOnAction(e -> vm.save());
        Label portProblem = wrapping(new Label(), "port-problem", "hint");
        portProblem.textProperty().bind(vm.portProblemProperty());
        portProblem.pseudoClassStateChanged(INVALID, true);
        showOnlyWithText(portProblem);
        PseudoClasses.bind(port, INVALID, vm.portProblemProperty().isNotEmpty());
        Label portHelp = wrapping(new Label(messages.get("settings.port.help")), "port-help", "help");

        CheckBox offer = option("offer-check", "settings.offer", vm.offerWidgetCredentialsProperty());
        Label offerHelp = optionHelp(offer, "offer-help", "settings.offer.help");
        CheckBox follow = option("follow-check", "settings.follow", vm.followCallsToEndProperty());
        Label followHelp = optionHelp(follow, "follow-help", "settings.follow.help");
        CheckBox importRecords = option("import-records-check", "settings.importRecords",
                vm.importCallRecordsProperty());
        Label importHelp = optionHelp(importRecords, "import-records-help", "settings.importRecords.help");

        Button save = button("save-button", "settings.save", vm::save);
        save.disableProperty().bind(vm.canSaveProperty().not());

        TextField region = typed("region-field", vm.numberRegionProperty(), 4);
        region.setPromptText(messages.get("settings.region.prompt"));
        Label regionProblem = problem("region-problem", region, vm.regionProblemProperty());
        Label regionHelp = wrapping(new Label(messages.get("settings.region.help")), "region-help", "help");

        TextField address = typed("address-field", vm.listenerAddressProperty(), 16);
        address.setPromptText("127.0.0.1");
        Label addressProblem = problem("address-problem", address, vm.addressProblemProperty());
        Label addressHelp = wrapping(new Label(messages.get("settings.address.help")), "address-help", "help");

        Label tokenState = wrapping(new Label(), "token-state", "token-state");
        tokenState.textProperty().bind(vm.tokenTextProperty());
        PasswordField token = new PasswordField();
        token.setId("token-field");
        token.textProperty().bindBidirectional(vm.applicationTokenProperty());
        token.setPromptText(messages.get("settings.token.prompt"));
        token.disableProperty().bind(vm.busyProperty());
        token.setOnAction(e -> vm.save());
        HBox.setHgrow(token, Priority.ALWAYS);
        Button forget = button("forget-token-button", "settings.token.forget", vm::forgetToken);
        forget.disableProperty().bind(vm.busyProperty().or(vm.tokenSavedProperty().not()));
        Label tokenProblem = problem("token-problem", token, vm.tokenProblemProperty());
        Label tokenHelp = wrapping(new Label(messages.get("settings.token.help")), "token-help", "help");

        VBox section = section("settings.local.heading",
                mnemonicLabel("settings.region.label", region), region, regionProblem, regionHelp,
                mnemonicLabel("settings.port.label", port), port, portProblem, portHelp,
                mnemonicLabel("settings.address.label", address), address, addressProblem, addressHelp,
                mnemonicLabel("settings.token.label", token), tokenState, row("token-row", token, forget),
                tokenProblem, tokenHelp,
                offer, offerHelp, follow, followHelp, importRecords, importHelp, row("local-actions", save),
                outcome(vm.saveOutcome(), "save-outcome"));
        section.setId("local-section");
        return section;
    }

    /** A yes-or-no setting bound both ways to {@code value}, still while a command is out. */
    private CheckBox option(String id, String key, javafx.beans.property.BooleanProperty value) {
        CheckBox option = new CheckBox(messages.get(key));
        option.setId(id);
        option.setWrapText(true);
        option.selectedProperty().bindBidirectional(value);
        option.disableProperty().bind(vm.busyProperty());
        return option;
    }

    /** The words under {@code option} saying what it does, also its accessible help. */
    private Label optionHelp(CheckBox option, String id, String key) {
        Label help = wrapping(new Label(messages.get(key)), id, "help");
        help.getStyleClass().add("indented");
        option.setAccessibleHelp(help.getText());
        return help;
    }

    /** A short field bound both ways to {@code text}, refused values marked {@code :invalid}; Enter saves. */
    private TextField typed(String id, javafx.beans.property.StringProperty text, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(text);
        field.disableProperty().bind(vm.busyProperty());
        field.setOnAction(e -> vm.save());
        return field;
    }

    /** Why what is typed in {@code field} is refused, shown under it only while it is. */
    private Label problem(String id, TextField field, javafx.beans.value.ObservableStringValue why) {
        Label label = wrapping(new Label(), id, "hint");
        label.textProperty().bind(why);
        label.pseudoClassStateChanged(INVALID, true);
        showOnlyWithText(label);
        PseudoClasses.bind(field, INVALID, label.textProperty().isNotEmpty());
        return label;
    }

    private Node buttonBar(Runnable close) {
        Label note = wrapping(new Label(messages.get("settings.afterRestart")), "restart-note", "help");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button closeButton = new Button(messages.get("settings.close"));
        closeButton.setId("close-button");
        closeButton.setMnemonicParsing(false);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = row("button-bar", note, closeButton);
        bar.getStyleClass().add("button-bar");
        return bar;
    }

    private RadioButton rateLimitButton(RateLimitChoice choice, ToggleGroup group) {
        RadioButton button = new RadioButton(messages.get("settings.rateLimit." + choice.name()));
        button.setId("rate-" + EnumPseudoClasses.cssName(choice));
        button.setUserData(choice);
        button.setToggleGroup(group);
        button.disableProperty().bind(vm.busyProperty());
        return button;
    }

    private Label outcome(OutcomeLine line, String id) {
        Label label = wrapping(new Label(), id, "outcome");
        label.textProperty().bind(line.textProperty());
        OUTCOME_KINDS.bind(label, line.kindProperty());
        showOnlyWithText(label);
        return label;
    }

    /** The version and where this agent's files are: what support asks first. */
    private Node aboutSection(AboutFacts facts) {
        Label version = wrapping(new Label(facts.versionText(messages)), "about-version", "about-version");
        Label folders = wrapping(new Label(facts.foldersText(messages)), "about-folders", "help");
        Label kept = wrapping(new Label(messages.get("settings.about.kept")), "about-kept", "help");
        VBox section = section("settings.about.heading", version, folders, kept);
        section.setId("about-section");
        return section;
    }

    private VBox section(String headingKey, Node... content) {
        Label heading = new Label(messages.get(headingKey));
        heading.getStyleClass().add("section-heading");
        VBox section = new VBox(heading);
        section.getChildren().addAll(content);
        section.getStyleClass().add("section");
        return section;
    }

    private Label mnemonicLabel(String key, Node target) {
        Label label = new Label(messages.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        label.getStyleClass().add("field-label");
        return label;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static HBox row(String styleClass, Node... children) {
        HBox row = new HBox(children);
        row.getStyleClass().add(styleClass);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label wrapping(Label label, String id, String styleClass) {
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Scrolls {@code scroll} just enough that {@code node}, if it is in it, is wholly in view. */
    private static void keepInView(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (node == null || content == null || !isInside(node, content)) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double room = scroll.getViewportBounds().getHeight();
        double hidden = content.getBoundsInLocal().getHeight() - room;
        if (hidden <= 0) {
            return;
        }
        double top = hidden * scroll.getVvalue();
        double margin = 8;
        if (bounds.getMinY() < top) {
            top = bounds.getMinY() - margin;
        } else if (bounds.getMaxY() > top + room) {
            top = bounds.getMaxY() - room + margin;
        } else {
            return;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, top / hidden)));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void showOnlyWithText(Label label) {
        Shown.bind(label, label.textProperty().isNotEmpty());
    }
}
