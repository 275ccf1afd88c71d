package io.callcard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.settings.OutcomeLine.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings window's logic without the JavaFX toolkit: a direct executor and a portal answered by hand. */
class SettingsViewModelTest {

    private static final String WEBHOOK = "https://acme.bitrix24.com/rest/1/abc123def/";

    private final ManualPortalConnectService portal = new ManualPortalConnectService();
    private final ManualPlainSettings plain = new ManualPlainSettings();
    private final ManualApplicationTokenStore tokens = new ManualApplicationTokenStore();
    private final List<Preferences> preferencesSaved = new ArrayList<>();
    private final PreferencesModel preferences = new PreferencesModel(Preferences.DEFAULTS, preferencesSaved::add);
    private final SettingsViewModel vm = new SettingsViewModel(Messages.forLocale(Locale.ENGLISH), portal, plain,
            tokens, preferences, Runnable::run);

    @BeforeEach
    void open() {
        vm.open();
    }

    @Test
    void openingShowsWhatIsSaved() {
        plain.saved = new SavedSettings(50123, null, true, true, true, "acme.bitrix24.com",
                RateLimitChoice.ENTERPRISE, "");
        vm.open();
        assertEquals("50123", vm.listenerPortProperty().get());
        assertTrue(vm.offerWidgetCredentialsProperty().get());
        assertTrue(vm.followCallsToEndProperty().get());
        assertTrue(vm.importCallRecordsProperty().get());
        assertEquals(RateLimitChoice.ENTERPRISE, vm.rateLimitProperty().get());
        assertEquals("Now: acme.bitrix24.com", vm.savedPortalTextProperty().get());
        assertEquals(Kind.NONE, vm.saveOutcome().kindProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void withNothingSavedTheSandboxIsNamedAndTheWidgetOfferIsOff() {
        assertEquals("Now: the sandbox portal (simulated calls). No portal is connected.",
                vm.savedPortalTextProperty().get());
        assertFalse(vm.offerWidgetCredentialsProperty().get());
        assertFalse(vm.followCallsToEndProperty().get(), "following calls changes the portal's card: opt-in");
        assertFalse(vm.importCallRecordsProperty().get(), "importing spends the portal's request budget: opt-in");
        assertFalse(vm.canDisconnectProperty().get(), "nothing to disconnect");
    }

    @Test
    void anUnreadableSettingsFileIsSaidWhenTheWindowOpens() {
        plain.saved = new SavedSettings(48024, null, false, false, false, null, RateLimitChoice.STANDARD,
                "settings.json is broken");
        vm.open();
        assertEquals(Kind.FAILURE, vm.saveOutcome().kindProperty().get());
        assertEquals("settings.json is broken", vm.saveOutcome().textProperty().get());
    }

    @Test
    void theWebhookIsCheckedAsItIsTyped() {
        assertFalse(vm.webhookInvalidProperty().get(), "an empty field is no mistake yet");
        assertTrue(vm.webhookHintProperty().get().startsWith("Paste the inbound webhook address"));
        assertFalse(vm.canConnectProperty().get());

        vm.webhookUrlProperty().set("http://acme.bitrix24.com/rest/1/abc/");
        assertTrue(vm.webhookInvalidProperty().get());
        assertTrue(vm.webhookHintProperty().get().contains("must start with https://"), vm.webhookHintProperty()
                .get());
        assertFalse(vm.canConnectProperty().get());

        vm.webhookUrlProperty().set("https://acme.bitrix24.com/rest/x/abc/");
        assertTrue(vm.webhookHintProperty().get().startsWith("The part after /rest/ must be the user number"));

        vm.webhookUrlProperty().set("  " + WEBHOOK + "profile ");
        assertFalse(vm.webhookInvalidProperty().get());
        assertEquals("A webhook of https://acme.bitrix24.com. Press Enter or Test & connect to try it.",
                vm.webhookHintProperty().get());
        assertTrue(vm.canConnectProperty().get());
    }

    @Test
    void aPortThatIsNoPortIsRefusedWithTheReasonAndCannotBeSaved() {
        vm.listenerPortProperty().set("70000");
        assertEquals("70000 is not a port: choose one from 1 to 65535.", vm.portProblemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.save();
        assertEquals(List.of(), plain.saves());

        vm.listenerPortProperty().set("48o24");
        assertEquals("“48o24” is not a number: enter a port from 1 to 65535.", vm.portProblemProperty().get());
        vm.listenerPortProperty().set("0");
        assertFalse(vm.canSaveProperty().get());
        vm.listenerPortProperty().set("");
        assertEquals("Enter a port from 1 to 65535.", vm.portProblemProperty().get());

        vm.listenerPortProperty().set("65535");
        assertEquals("", vm.portProblemProperty().get());
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void connectingIsBusyUntilThePortalAnswersAndIsSentOnce() {
        vm.webhookUrlProperty().set(WEBHOOK);
        vm.rateLimitProperty().set(RateLimitChoice.ENTERPRISE);
        vm.connect();
        assertEquals(1, portal.sent().size());
        assertEquals(WEBHOOK, portal.last().webhookUrl());
        assertEquals(RateLimitChoice.ENTERPRISE, portal.last().rateLimit());
        assertTrue(vm.busyProperty().get());
        assertFalse(vm.canConnectProperty().get());
        assertFalse(vm.canSaveProperty().get(), "nothing else goes out meanwhile");
        assertEquals(Kind.WORKING, vm.portalOutcome().kindProperty().get());
        assertEquals("Trying the webhook with https://acme.bitrix24.com…", vm.portalOutcome().textProperty().get());

        vm.connect();
        vm.save();
        assertEquals(1, portal.sent().size(), "a second press sends nothing");
        assertEquals(List.of(), plain.saves());

        portal.last().answer().complete(new ConnectionResult(true, "acme.bitrix24.com",
                "Connected to acme.bitrix24.com as Anna. Restart CallCard Companion to use this portal."));
        assertFalse(vm.busyProperty().get());
        assertEquals(Kind.SUCCESS, vm.portalOutcome().kindProperty().get());
        assertTrue(vm.portalOutcome().textProperty().get().startsWith("Connected to acme.bitrix24.com as Anna."));
        assertEquals("Now: acme.bitrix24.com", vm.savedPortalTextProperty().get());
        assertEquals("", vm.webhookUrlProperty().get(), "the secret does not stay on screen once saved");
        assertTrue(vm.canDisconnectProperty().get());
    }

    @Test
    void aRefusedWebhookIsExplainedAndStaysToBeMended() {
        vm.webhookUrlProperty().set(WEBHOOK);
        vm.connect();
        portal.last().answer().complete(new ConnectionResult(false, null,
                "https://acme.bitrix24.com did not accept this webhook: The portal rejected the credentials."
                        + " Nothing was saved."));
        assertEquals(Kind.FAILURE, vm.portalOutcome().kindProperty().get());
        assertTrue(vm.portalOutcome().textProperty().get().contains("did not accept this webhook"));
        assertEquals(WEBHOOK, vm.webhookUrlProperty().get());
        assertNull(vm.savedPortalHostProperty().get());
        assertTrue(vm.canConnectProperty().get(), "the user may try again");
    }

    @Test
    void aConnectionThatBrokeOnTheWayIsAFailureNotAHang() {
        vm.webhookUrlProperty().set(WEBHOOK);
        vm.connect();
        portal.last().answer().completeExceptionally(new IllegalStateException("boom"));
        assertFalse(vm.busyProperty().get());
        assertEquals(Kind.FAILURE, vm.portalOutcome().kindProperty().get());
        assertEquals("Something went wrong on the way; nothing was changed. The log file says more.",
                vm.portalOutcome().textProperty().get());
        assertEquals(WEBHOOK, vm.webhookUrlProperty().get());
    }

    @Test
    void disconnectAsksFirstAndKeepsThePortalWhenTheUserSaysNo() {
        plain.saved = new SavedSettings(48024, null, false, false, false, "acme.bitrix24.com",
                RateLimitChoice.STANDARD, "");
        vm.open();
        vm.requestDisconnect();
        assertTrue(vm.confirmingDisconnectProperty().get());
        assertEquals("Forget acme.bitrix24.com and its secrets? The sandbox plays again at the next start.",
                vm.disconnectQuestionProperty().get());
        assertEquals(List.of(), portal.sent(), "nothing is forgotten before the user confirms");

        vm.cancelDisconnect();
        assertFalse(vm.confirmingDisconnectProperty().get());
        vm.confirmDisconnect();
        assertEquals(List.of(), portal.sent(), "a confirmation that was withdrawn confirms nothing");
        assertEquals("Now: acme.bitrix24.com", vm.savedPortalTextProperty().get());
    }

    @Test
    void aConfirmedDisconnectForgetsThePortal() {
        plain.saved = new SavedSettings(48024, null, false, false, false, "acme.bitrix24.com",
                RateLimitChoice.STANDARD, "");
        vm.open();
        vm.requestDisconnect();
        vm.confirmDisconnect();
        vm.confirmDisconnect();
        assertEquals(1, portal.sent().size());
        assertEquals("disconnect", portal.last().what());
        assertTrue(vm.busyProperty().get());

        portal.last().answer().complete(new ConnectionResult(true, null, "The portal is forgotten."));
        assertEquals(Kind.SUCCESS, vm.portalOutcome().kindProperty().get());
        assertNull(vm.savedPortalHostProperty().get());
        assertTrue(vm.savedPortalTextProperty().get().startsWith("Now: the sandbox portal"));
        assertFalse(vm.canDisconnectProperty().get());
    }

    @Test
    void saveSendsThePortTheWidgetChoiceAndTheRateLimitAndSaysHowItWent() {
        vm.listenerPortProperty().set(" 50123 ");
        vm.offerWidgetCredentialsProperty().set(true);
        vm.followCallsToEndProperty().set(true);
        vm.importCallRecordsProperty().set(true);
        vm.rateLimitProperty().set(RateLimitChoice.ENTERPRISE);
        vm.save();
        vm.save();
        assertEquals(1, plain.saves().size());
        ManualPlainSettings.Save save = plain.saves().get(0);
        assertEquals(50123, save.port());
        assertTrue(save.offer());
        assertTrue(save.follow());
        assertTrue(save.importRecords());
        assertEquals(RateLimitChoice.ENTERPRISE, save.rateLimit());
        assertEquals(Kind.WORKING, vm.saveOutcome().kindProperty().get());

        save.answer().complete(new SaveResult(false, "The settings file cannot be written."));
        assertEquals(Kind.FAILURE, vm.saveOutcome().kindProperty().get());
        assertEquals("The settings file cannot be written.", vm.saveOutcome().textProperty().get());
        assertEquals("50123", vm.listenerPortProperty().get().strip(), "what was typed stays after a failure");
    }

    @Test
    void reopeningForgetsAHalfTypedWebhook() {
        vm.webhookUrlProperty().set(WEBHOOK);
        vm.open();
        assertEquals("", vm.webhookUrlProperty().get());
    }

    @Test
    void theAnswerIsAppliedOnTheExecutorHandedIn() {
        List<Runnable> queued = new ArrayList<>();
        SettingsViewModel queuedVm = new SettingsViewModel(Messages.forLocale(Locale.ENGLISH), portal, plain,
                tokens, preferences, queued::add);
        queuedVm.webhookUrlProperty().set(WEBHOOK);
        queuedVm.connect();
        portal.last().answer().complete(new ConnectionResult(true, "acme.bitrix24.com", "Connected."));
        assertTrue(queuedVm.busyProperty().get(), "not applied on the portal's thread");
        queued.forEach(Runnable::run);
        assertFalse(queuedVm.busyProperty().get());
        assertEquals("Connected.", queuedVm.portalOutcome().textProperty().get());
    }
}
