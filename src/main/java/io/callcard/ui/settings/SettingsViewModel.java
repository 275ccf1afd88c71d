package io.callcard.ui.settings;

import io.callcard.portal.PortalCredentials;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.ui.Messages;
import io.callcard.ui.settings.OutcomeLine.Kind;
import java.util.Objects;
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
 * portal accepted it. A refused URL stays, so the user can mend it.
 */
public final class SettingsViewModel {

    private final Messages messages;
    private final PortalConnectService portal;
    private final PlainSettings plain;
    private final Executor ui;

    private final StringProperty webhookUrl = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper webhookHint = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper webhookValid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper webhookInvalid = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<RateLimitChoice> rateLimit = new SimpleObjectProperty<>(RateLimitChoice.STANDARD);
    private final BooleanProperty offerWidgetCredentials = new SimpleBooleanProperty(false);
    private final BooleanProperty followCallsToEnd = new SimpleBooleanProperty(false);
    private final StringProperty listenerPort = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper portProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper portValid = new ReadOnlyBooleanWrapper(false);

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

    public SettingsViewModel(Messages messages, PortalConnectService portal, PlainSettings plain, Executor ui) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.portal = Objects.requireNonNull(portal, "portal");
        this.plain = Objects.requireNonNull(plain, "plain");
        this.ui = Objects.requireNonNull(ui, "ui");
        canConnect.bind(busy.not().and(webhookValid));
        canDisconnect.bind(busy.not().and(savedPortalHost.isNotNull()).and(confirmingDisconnect.not()));
        canSave.bind(busy.not().and(portValid));
        webhookUrl.addListener((obs, old, now) -> checkWebhook());
        listenerPort.addListener((obs, old, now) -> checkPort());
        savedPortalHost.addListener((obs, old, now) -> describeSavedPortal());
        checkWebhook();
        checkPort();
        describeSavedPortal();
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
        confirmingDisconnect.set(false);
        portalOutcome.clear();
        saveOutcome.show(Kind.WORKING, messages.get("settings.loading"));
        run(plain::load, (saved, failure) -> {
            if (failure != null) {
                saveOutcome.show(Kind.FAILURE, messages.get("settings.loadFailed"));
                return;
            }
            listenerPort.set(String.valueOf(saved.listenerPort()));
            offerWidgetCredentials.set(saved.offerWidgetCredentials());
            followCallsToEnd.set(saved.followCallsToEnd());
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

    /** Save: the port, the widget choice and the rate limit. Ignored while the port is no port. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        OptionalInt port = ListenerPortText.parse(listenerPort.get());
        saveOutcome.show(Kind.WORKING, messages.get("settings.saving"));
        run(() -> plain.save(port.getAsInt(), offerWidgetCredentials.get(), followCallsToEnd.get(),
                rateLimit.get()), (result, failure) -> {
            if (failure != null) {
                saveOutcome.show(Kind.FAILURE, messages.get("settings.saveFailed"));
            } else {
                saveOutcome.show(result.saved() ? Kind.SUCCESS : Kind.FAILURE, result.words());
            }
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

    private void describeSavedPortal() {
        String host = savedPortalHost.get();
        savedPortalText.set(host == null ? messages.get("settings.portal.sandbox")
                : messages.get("settings.portal.saved", host));
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
