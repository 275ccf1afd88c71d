package io.callcard.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardView;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.settings.ApplicationTokenStore;
import io.callcard.ui.settings.ConnectionResult;
import io.callcard.ui.settings.PlainSettings;
import io.callcard.ui.settings.PortalConnectService;
import io.callcard.ui.settings.RateLimitChoice;
import io.callcard.ui.settings.SaveResult;
import io.callcard.ui.settings.SavedSettings;
import io.callcard.ui.settings.SettingsViewModel;
import io.callcard.ui.settings.SettingsWindow;
import io.callcard.ui.shell.ShellView;
import io.callcard.wire.CardCallState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Both themes on real windows, headless on Monocle: the card and the settings window in light and in dark, a change
 * of theme applied at once to every window, the colours read back from the rendered nodes. PNGs under
 * target/screenshots: theme-card-light/dark, theme-settings-light/dark.
 */
@UiTest
class ThemesLookTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final PreferencesModel preferences =
            new PreferencesModel(Preferences.DEFAULTS.withTheme(Theme.LIGHT), p -> { });
    private ThemedWindows themed;
    private Stage stage;

    @BeforeEach
    void theme() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        themed = WaitForAsyncUtils.asyncFx(() -> ThemedWindows.follow(new ThemeModel(preferences.currentProperty()),
                List.of(ShellView.STYLESHEET))).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            themed.close();
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage && w instanceof Stage)
                    .forEach(w -> ((Stage) w).close());
            if (stage.getScene() != null) {
                stage.getScene().getRoot().pseudoClassStateChanged(ThemedWindows.DARK, false);
            }
        });
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private void choose(Theme theme) throws Exception {
        onFx(() -> {
            preferences.change(p -> p.withTheme(theme));
            return null;
        });
    }

    /** The colours the card shows: its surface, the badge's text and fill, the number. */
    private record CardColours(Paint surface, Paint badgeText, Paint badgeFill, Paint number) {
    }

    private CardColours colours(CallCardView card) throws Exception {
        return onFx(() -> {
            card.applyCss();
            Label badge = (Label) card.lookup("#state");
            Label number = (Label) card.lookup("#phone");
            return new CardColours(card.getBackground().getFills().get(1).getFill(), badge.getTextFill(),
                    badge.getBackground().getFills().get(0).getFill(), number.getTextFill());
        });
    }

    @Test
    void theCardWearsEitherThemeAndChangesAtOnce() throws Exception {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        CallCardViewModel vm = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC),
                Runnable::run);
        CallCardView card = onFx(() -> {
            CallCardView view = new CallCardView(vm, messages);
            view.setMaxHeight(Region.USE_PREF_SIZE);
            StackPane root = new StackPane(view);
            root.setPadding(new Insets(12));
            StackPane.setAlignment(view, javafx.geometry.Pos.TOP_CENTER);
            stage.setScene(new Scene(root, 420, 420));
            stage.show();
            vm.apply(connectedCall());
            return view;
        });
        Parent root = stage.getScene().getRoot();
        assertFalse(root.getPseudoClassStates().contains(ThemedWindows.DARK));
        CardColours light = colours(card);
        assertEquals(Color.web("#ffffff"), light.surface());
        assertEquals(Color.web("#16703c"), light.badgeText());
        PngSnapshots.save(root, "theme-card-light");

        choose(Theme.DARK);
        assertTrue(root.getPseudoClassStates().contains(ThemedWindows.DARK), "applied at once, no restart");
        CardColours dark = colours(card);
        assertEquals(Color.web("#1e2329"), dark.surface());
        assertEquals(Color.web("#5cc98a"), dark.badgeText());
        assertEquals(Color.web("#15362a"), dark.badgeFill());
        assertEquals(Color.web("#e6eaf0"), dark.number());
        PngSnapshots.save(root, "theme-card-dark");

        choose(Theme.LIGHT);
        assertEquals(light, colours(card), "and back");
    }

    @Test
    void theSettingsWindowWearsEitherThemeAndItsOwnChoiceAppliesAtOnce() throws Exception {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        SettingsViewModel vm = new SettingsViewModel(messages, new NoPortal(), new SavedPlainSettings(),
                new NoToken(), preferences, new UiExecutor());
        SettingsWindow window = onFx(() -> {
            stage.setScene(new Scene(new Label("the main window"), 420, 480));
            stage.show();
            SettingsWindow settings = new SettingsWindow(stage, vm, messages);
            settings.show();
            return settings;
        });
        Parent settingsRoot = onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage)
                .findFirst().orElseThrow().getScene().getRoot());
        assertFalse(settingsRoot.getPseudoClassStates().contains(ThemedWindows.DARK));
        PngSnapshots.save(settingsRoot, "theme-settings-light");

        onFx(() -> {
            vm.window().themeProperty().set(Theme.DARK); // the agent picks Dark in the window itself
            return null;
        });
        assertEquals(Theme.DARK, preferences.current().theme());
        assertTrue(settingsRoot.getPseudoClassStates().contains(ThemedWindows.DARK));
        assertTrue(stage.getScene().getRoot().getPseudoClassStates().contains(ThemedWindows.DARK),
                "the main window too");
        Paint heading = onFx(() -> ((Label) settingsRoot.lookup(".section-heading")).getTextFill());
        assertEquals(Color.web("#e6eaf0"), heading);
        PngSnapshots.save(settingsRoot, "theme-settings-dark");

        // the settings that wait for a restart, one of them refused where it is typed
        onFx(() -> {
            vm.numberRegionProperty().set("Germany");
            ((javafx.scene.control.ScrollPane) settingsRoot.lookup(".settings-scroll")).setVvalue(1);
            return null;
        });
        Label regionProblem = onFx(() -> (Label) settingsRoot.lookup("#region-problem"));
        assertTrue(regionProblem.isVisible());
        assertEquals(Color.web("#ff8a8f"), regionProblem.getTextFill());
        PngSnapshots.save(settingsRoot, "theme-settings-dark-restart");
        assertTrue(window != null);
    }

    @Test
    void controlsFxNotificationPopupsWearTheTheme() throws Exception {
        choose(Theme.DARK);
        onFx(() -> {
            stage.setScene(new Scene(new Label("the main window"), 420, 480));
            stage.show();
            org.controlsfx.control.Notifications.create().owner(stage).title("Missed call")
                    .text("Ivan Petrov \u00b7 +49 30 123456").styleClass("missed")
                    .hideAfter(javafx.util.Duration.hours(1)).show();
            return null;
        });
        Parent popup = onFx(() -> Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow)
                .map(w -> w.getScene().getRoot()).filter(r -> r.lookup(".notification-bar") != null).findFirst()
                .orElseThrow());
        assertTrue(popup.getPseudoClassStates().contains(ThemedWindows.DARK), "the popup is a window of its own");
        Region pane = onFx(() -> {
            popup.applyCss();
            return (Region) popup.lookup(".notification-bar > .pane");
        });
        assertEquals(Color.web("#1e2329"), pane.getBackground().getFills().get(1).getFill());
        Label title = onFx(() -> (Label) popup.lookup(".title"));
        assertEquals(Color.web("#f0a24a"), title.getTextFill(), "a missed call's title in the connecting colour");
        PngSnapshots.save(popup, "theme-notification-dark");
    }

    private static CallSnapshot connectedCall() {
        CallSnapshot opened = CallStateReducer.reduce(CallSnapshot.EMPTY, new CallEvent.WidgetOpened(T0,
                new CallCardStatus("C1", CallerNumber.of("+4930123456"), "reg1", "Berlin sales",
                        new CrmRef(CrmEntityType.CONTACT, 797), List.of(), null, CallDirection.INCOMING,
                        CardCallState.CONNECTING, false)));
        return CallStateReducer.reduce(opened,
                new CallEvent.StateChanged(T0.plusSeconds(10), "C1", CardCallState.CONNECTED, null));
    }

    /** A settings file that holds the defaults and saves nothing (the test only looks). */
    private static final class SavedPlainSettings implements PlainSettings {
        @Override
        public CompletableFuture<SavedSettings> load() {
            return CompletableFuture.completedFuture(new SavedSettings(48024, null, false, false, false,
                    "acme.bitrix24.com", RateLimitChoice.STANDARD, ""));
        }

        @Override
        public CompletableFuture<SaveResult> save(int port, String address, boolean offer, boolean follow,
                                                  boolean importRecords, RateLimitChoice rateLimit) {
            return new CompletableFuture<>();
        }
    }

    private static final class NoPortal implements PortalConnectService {
        @Override
        public CompletableFuture<ConnectionResult> connect(String webhookUrl, RateLimitChoice rateLimit) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<ConnectionResult> disconnect() {
            return new CompletableFuture<>();
        }
    }

    private static final class NoToken implements ApplicationTokenStore {
        @Override
        public CompletableFuture<Boolean> isSaved() {
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletableFuture<SaveResult> save(String token) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<SaveResult> forget() {
            return new CompletableFuture<>();
        }
    }
}
