package io.callcard.ui.settings;

import io.callcard.portal.PortalCredentials;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.settings.OutcomeLine.Kind;
import io.callcard.wire.ApplicationToken;
import io.callcard.wire.IpLiteral;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings window's logic, plain Java: the webhook to connect (checked as it is typed), the portal's rate limit,
 * the listener port and the widget sign-in choice, and the commands Connect, Disconnect (asked twice) and Save.
 * Everything runs on the UI thread; answers of the {@link PortalConnectService} and {@link PlainSettings} come back to
 * it through the executor handed in. While one command is out, every command is refused: nothing is sent twice.
 *
 * <p>The webhook URL is a secret (its code is the password): it is never logged and the field is emptied once the
 * portal accepted it. A refused URL stays, so the user can mend it. The application token too is a secret: typed, saved
 * with Save through the {@link ApplicationTokenStore}, emptied, never shown again; the window only says whether one is
 * saved.
 *
 * <p>Save also takes the number region (a preference, through the {@link PreferencesModel}) and the listener's bind
 * address: like the port they take effect at the next start. A value that is refused is said why where it is typed and
 * blocks Save: nothing is changed. The settings that apply at once are in {@link #window()}.
 */
public final class SettingsViewModel {

    private final Messages messages;
    private final PortalConnectService portal;
    private final PlainSettings plain;
    private final ApplicationTokenStore tokens;
    private final PreferencesModel preferences;
    private final WindowPreferencesViewModel window;
    private final Executor ui;

    private final StringProperty webhookUrl = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper webhookHint = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper webhookValid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper webhookInvalid = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<RateLimitChoice> rateLimit = new SimpleObjectProperty<>(RateLimitChoice.STANDARD);
    private final BooleanProperty offerWidgetCredentials = new SimpleBooleanProperty(false);
    private final BooleanProperty followCallsToEnd = new SimpleBooleanProperty(false);
    private final BooleanProperty importCallRecords = new SimpleBooleanProperty(false);
    private final StringProperty listenerPort = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper portProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper portValid = new ReadOnlyBooleanWrapper(false);
    private final StringProperty numberRegion = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper regionProblem = new ReadOnlyStringWrapper("");
    private final StringProperty listenerAddress = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper addressProblem = new ReadOnlyStringWrapper("");
    private final StringProperty applicationToken = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper tokenProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper tokenSaved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper tokenText = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper savedPortalHost = new ReadOnlyStringWrapper(null);
    private final ReadOnlyStringWrapper savedPortalText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper confirmingDisconnect = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper disconnectQuestion = new ReadOnlyStringWrapper("");
    private final OutcomeLine portalOutcome = new OutcomeLine();
    private final OutcomeLine saveOutcome = new OutcomeLine();

    private final ReadOnlyBooleanWrapper canConnect = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canDisconnect = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper();
    private volatile AboutFacts about;

    public SettingsViewModel(Messages messages, PortalConnectService portal, PlainSettings plain,
                             ApplicationTokenStore tokens, PreferencesModel preferences, Executor ui) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.portal = Objects.requireNonNull(portal, "portal");
        this.plain = Objects.requireNonNull(plain, "plain");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.window = new WindowPreferencesViewModel(preferences);
        this.ui = Objects.requireNonNull(ui, "ui");
        canConnect.bind(busy.not().and(webhookValid));
        canDisconnect.bind(busy.not().and(savedPortalHost.isNotNull()).and(confirmingDisconnect.not()));
        canSave.bind(busy.not().and(portValid).and(regionProblem.isEmpty()).and(addressProblem.isEmpty())
                .and(tokenProblem.isEmpty()));
        webhookUrl.addListener((obs, old, now) -> checkWebhook());
        listenerPort.addListener((obs, old, now) -> checkPort());
        numberRegion.addListener((obs, old, now) -> checkRegion());
        listenerAddress.addListener((obs, old, now) -> checkAddress());
        applicationToken.addListener((obs, old, now) -> checkToken());
        savedPortalHost.addListener((obs, old, now) -> describeSavedPortal());
        tokenSaved.addListener((obs, old, now) -> describeToken());
        sayAgain();
    }

    /** The About section's facts (the version and the agent's folders); set once by the application. */
    public void describe(AboutFacts facts) {
        about = Objects.requireNonNull(facts, "facts");
    }

    /** The About section's facts, when the application gave them. */
    public Optional<AboutFacts> about() {
        return Optional.ofNullable(about);
    }

    /** Every text this view-model makes, made again (the language may have changed since the window was last open). */
    private void sayAgain() {
        checkWebhook();
        checkPort();
        checkRegion();
        checkAddress();
        checkToken();
        describeSavedPortal();
        describeToken();
    }

    /**
     * The window opens: forget what the last visit left (a half-typed webhook is a secret lying about) and read the
     * saved settings. While a command is still out, the fields stay as they are and its answer will arrive.
     */
    public void open() {
        if (busy.get()) {
            return;
        }
        webhookUrl.set("");
        applicationToken.set(""); // a secret too: never left lying in the window
        confirmingDisconnect.set(false);
        portalOutcome.clear();
        String region = preferences.current().numberRegion();
        numberRegion.set(region == null ? "" : region);
        sayAgain();
        tokens.isSaved().whenCompleteAsync((saved, failure) -> tokenSaved.set(Boolean.TRUE.equals(saved)), ui);
        saveOutcome.show(Kind.WORKING, messages.get("settings.loading"));
        run(plain::load, (saved, failure) -> {
            if (failure != null) {
                saveOutcome.show(Kind.FAILURE, messages.get("settings.loadFailed"));
                return;
            }
            listenerPort.set(String.valueOf(saved.listenerPort()));
            listenerAddress.set(saved.listenerAddress() == null ? "" : saved.listenerAddress());
            offerWidgetCredentials.set(saved.offerWidgetCredentials());
            followCallsToEnd.set(saved.followCallsToEnd());
            importCallRecords.set(saved.importCallRecords());
            rateLimit.set(saved.rateLimit() == null ? RateLimitChoice.STANDARD : saved.rateLimit());
            savedPortalHost.set(saved.portalHost());
            if (saved.problem() == null || saved.problem().isEmpty()) {
                saveOutcome.clear();
            } else {
                saveOutcome.show(Kind.FAILURE, saved.problem());
            }
        });
    }

    /** Test & connect: tries the typed webhook; ignored while it is not one or while another command is out. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        String url = webhookUrl.get();
        confirmingDisconnect.set(false);
        portalOutcome.show(Kind.WORKING, messages.get("settings.connecting", webhookHost(url)));
        run(() -> portal.connect(url, rateLimit.get()), (result, failure) -> {
            if (failure != null) {
                portalOutcome.show(Kind.FAILURE, messages.get("settings.connectFailed"));
            } else if (result.succeeded()) {
                savedPortalHost.set(result.portalHost());
                webhookUrl.set(""); // saved in the secret store now; no need to keep it on screen
                portalOutcome.show(Kind.SUCCESS, result.words());
            } else {
                portalOutcome.show(Kind.FAILURE, result.words());
            }
        });
    }

    /** Disconnect, the first press: asks whether to forget the portal. */
    public void requestDisconnect() {
        if (canDisconnect.get()) {
            disconnectQuestion.set(messages.get("settings.disconnect.question", savedPortalHost.get()));
            confirmingDisconnect.set(true);
        }
    }

    public void cancelDisconnect() {
        confirmingDisconnect.set(false);
    }

    /** Disconnect, confirmed: forgets the portal and its secrets. */
    public void confirmDisconnect() {
        if (!confirmingDisconnect.get() || busy.get()) {
            return;
        }
        confirmingDisconnect.set(false);
        portalOutcome.show(Kind.WORKING, messages.get("settings.disconnecting"));
        run(portal::disconnect, (result, failure) -> {
            if (failure != null) {
                portalOutcome.show(Kind.FAILURE, messages.get("settings.connectFailed"));
            } else if (result.succeeded()) {
                savedPortalHost.set(null);
                portalOutcome.show(Kind.SUCCESS, result.words());
            } else {
                portalOutcome.show(Kind.FAILURE, result.words());
            }
        });
    }

    /**
     * Save: the port, the bind address, the widget choice, the history's import, the rate limit, then the application token if one is typed;
     * the number region goes to the preferences. Ignored while a typed value is refused.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        OptionalInt port = ListenerPortText.parse(listenerPort.get());
        String address = blankToNull(listenerAddress.get());
        String token = applicationToken.get();
        String region = regionOf(numberRegion.get());
        saveOutcome.show(Kind.WORKING, messages.get("settings.saving"));
        run(() -> plain.save(port.getAsInt(), address, offerWidgetCredentials.get(), followCallsToEnd.get(),
                importCallRecords.get(), rateLimit.get()).thenCompose(plainSaved ->
                        !plainSaved.saved() || token == null || token.isEmpty()
                        ? CompletableFuture.completedFuture(plainSaved)
                        : tokens.save(token).thenApply(tokenResult -> tokenResult.saved() ? plainSaved : tokenResult)),
                (result, failure) -> {
                    if (failure != null) {
                        saveOutcome.show(Kind.FAILURE, messages.get("settings.saveFailed"));
                        return;
                    }
                    if (result.saved()) {
                        preferences.change(p -> p.withNumberRegion(region));
                        if (token != null && !token.isEmpty()) {
                            applicationToken.set("");
                            tokenSaved.set(true);
                        }
                    }
                    saveOutcome.show(result.saved() ? Kind.SUCCESS : Kind.FAILURE, result.words());
                });
    }

    /** Forgets the saved application token: the portal's event posts are refused from the next start on. */
    public void forgetToken() {
        if (busy.get() || !tokenSaved.get()) {
            return;
        }
        saveOutcome.show(Kind.WORKING, messages.get("settings.saving"));
        run(tokens::forget, (result, failure) -> {
            if (failure != null) {
                saveOutcome.show(Kind.FAILURE, messages.get("settings.saveFailed"));
                return;
            }
            if (result.saved()) {
                tokenSaved.set(false);
            }
            saveOutcome.show(result.saved() ? Kind.SUCCESS : Kind.FAILURE, result.words());
        });
    }

    /** Marks the window busy, sends, and hands the answer (or the failure) to {@code finish} on the UI thread. */
    private <T> void run(Supplier<CompletableFuture<T>> command, Answer<T> finish) {
        busy.set(true);
        CompletableFuture<T> sent;
        try {
            sent = command.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenCompleteAsync((value, failure) -> {
            busy.set(false);
            finish.accept(value, failure == null && value == null ? new IllegalStateException("no answer") : failure);
        }, ui);
    }

    /** What to do with a command's answer: exactly one of the two is not null. */
    @FunctionalInterface
    private interface Answer<T> {
        void accept(T value, Throwable failure);
    }

    private void checkWebhook() {
        String typed = webhookUrl.get();
        try {
            PortalCredentials.Webhook webhook = WebhookUrl.parse(typed);
            webhookValid.set(true);
            webhookInvalid.set(false);
            webhookHint.set(messages.get("settings.webhook.looksRight", webhook.portal()));
        } catch (WebhookUrlException e) {
            webhookValid.set(false);
            // an empty field is not a mistake yet: the hint then says where to find the webhook
            webhookInvalid.set(e.reason() != WebhookUrlException.Reason.EMPTY);
            webhookHint.set(messages.get(e.messageKey()));
        }
    }

    private String webhookHost(String url) {
        try {
            return WebhookUrl.parse(url).portal();
        } catch (WebhookUrlException e) {
            return "?";
        }
    }

    private void checkPort() {
        String key = ListenerPortText.problemKey(listenerPort.get());
        portValid.set(key == null);
        portProblem.set(key == null ? "" : messages.get(key, listenerPort.get() == null ? "" : listenerPort.get()
                .strip()));
    }

    private void checkRegion() {
        String typed = numberRegion.get() == null ? "" : numberRegion.get().strip();
        regionProblem.set(Preferences.regionProblem(regionOf(typed)) == null ? ""
                : messages.get("settings.region.invalid", typed));
    }

    private void checkAddress() {
        String typed = listenerAddress.get() == null ? "" : listenerAddress.get().strip();
        addressProblem.set(typed.isEmpty() || IpLiteral.isIpLiteral(typed) ? ""
                : messages.get("settings.address.invalid", typed));
    }

    /** The typed token is never repeated in the problem: whatever was pasted may be some other secret. */
    private void checkToken() {
        String typed = applicationToken.get() == null ? "" : applicationToken.get();
        tokenProblem.set(typed.isEmpty() || ApplicationToken.isWellFormed(typed) ? ""
                : messages.get("settings.token.invalid"));
    }

    private void describeToken() {
        tokenText.set(messages.get(tokenSaved.get() ? "settings.token.saved" : "settings.token.none"));
    }

    /** The region as stored: upper case, or null (guess it) when nothing is typed. */
    private static String regionOf(String typed) {
        String t = typed == null ? "" : typed.strip();
        return t.isEmpty() ? null : t.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private void describeSavedPortal() {
        String host = savedPortalHost.get();
        savedPortalText.set(host == null ? messages.get("settings.portal.sandbox")
                : messages.get("settings.portal.saved", host));
    }

    /** The settings that apply at once (theme, on top, compact, notifications, language). */
    public WindowPreferencesViewModel window() {
        return window;
    }

    /** The number region as typed: two letters, or empty to guess it from the portal's language. */
    public StringProperty numberRegionProperty() {
        return numberRegion;
    }

    /** Why the typed region is refused, or empty. */
    public ReadOnlyStringProperty regionProblemProperty() {
        return regionProblem.getReadOnlyProperty();
    }

    /** The listener's bind address as typed: an IP address, or empty for the default (127.0.0.1). */
    public StringProperty listenerAddressProperty() {
        return listenerAddress;
    }

    /** Why the typed address is refused, or empty. */
    public ReadOnlyStringProperty addressProblemProperty() {
        return addressProblem.getReadOnlyProperty();
    }

    /** The application token as typed. A secret: bind it to a password field, never log it. */
    public StringProperty applicationTokenProperty() {
        return applicationToken;
    }

    /** Why the typed token is refused (without repeating it), or empty. */
    public ReadOnlyStringProperty tokenProblemProperty() {
        return tokenProblem.getReadOnlyProperty();
    }

    /** Whether a token is saved (the window never shows it). */
    public ReadOnlyBooleanProperty tokenSavedProperty() {
        return tokenSaved.getReadOnlyProperty();
    }

    /** Says whether a token is saved. */
    public ReadOnlyStringProperty tokenTextProperty() {
        return tokenText.getReadOnlyProperty();
    }

    /** The inbound webhook URL as typed or pasted. A secret: bind it to a field, never log it. */
    public StringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    /** Under the webhook field: where to find one, what is wrong with it, or whose it is. */
    public ReadOnlyStringProperty webhookHintProperty() {
        return webhookHint.getReadOnlyProperty();
    }

    /** Something is typed and it is not a webhook URL. */
    public ReadOnlyBooleanProperty webhookInvalidProperty() {
        return webhookInvalid.getReadOnlyProperty();
    }

    public ObjectProperty<RateLimitChoice> rateLimitProperty() {
        return rateLimit;
    }

    public BooleanProperty offerWidgetCredentialsProperty() {
        return offerWidgetCredentials;
    }

    /** Whether the companion holds the call card open until each call is idle (takes effect at the next start). */
    public BooleanProperty followCallsToEndProperty() {
        return followCallsToEnd;
    }

    public BooleanProperty importCallRecordsProperty() {
        return importCallRecords;
    }

    /** The listener port as typed. */
    public StringProperty listenerPortProperty() {
        return listenerPort;
    }

    /** Why the typed port is refused, or empty. */
    public ReadOnlyStringProperty portProblemProperty() {
        return portProblem.getReadOnlyProperty();
    }

    /** A command is out: the fields and buttons wait for its answer. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The saved portal's host, or null while the sandbox is what plays. */
    public ReadOnlyStringProperty savedPortalHostProperty() {
        return savedPortalHost.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedPortalTextProperty() {
        return savedPortalText.getReadOnlyProperty();
    }

    /** Disconnect was pressed once; the window asks before forgetting the portal. */
    public ReadOnlyBooleanProperty confirmingDisconnectProperty() {
        return confirmingDisconnect.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty disconnectQuestionProperty() {
        return disconnectQuestion.getReadOnlyProperty();
    }

    /** How the last Connect or Disconnect went. */
    public OutcomeLine portalOutcome() {
        return portalOutcome;
    }

    /** How the last Save (or reading the settings) went. */
    public OutcomeLine saveOutcome() {
        return saveOutcome;
    }

    public ReadOnlyBooleanProperty canConnectProperty() {
        return canConnect.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDisconnectProperty() {
        return canDisconnect.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }
}
