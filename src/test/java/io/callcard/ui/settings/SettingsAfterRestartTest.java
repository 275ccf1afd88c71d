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

/**
 * The settings that take effect at the next start, without the toolkit: the number region, the listener's bind
 * address and the application token. A refused value says why where it is typed, blocks Save and changes nothing.
 */
class SettingsAfterRestartTest {

    private static final String TOKEN = "k3rn9a8s7d6f5g4h3j2k1l0qwertyuio";

    private final ManualPortalConnectService portal = new ManualPortalConnectService();
    private final ManualPlainSettings plain = new ManualPlainSettings();
    private final ManualApplicationTokenStore tokens = new ManualApplicationTokenStore();
    private final List<Preferences> preferencesSaved = new ArrayList<>();
    private final PreferencesModel preferences = new PreferencesModel(Preferences.DEFAULTS.withNumberRegion("RU"),
            preferencesSaved::add);
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final SettingsViewModel vm = new SettingsViewModel(messages, portal, plain, tokens, preferences,
            Runnable::run);

    @BeforeEach
    void open() {
        plain.saved = new SavedSettings(48024, "192.168.1.20", false, false, false, null,
                RateLimitChoice.STANDARD, "");
        vm.open();
    }

    /** Every text the view-model shows, to look for a secret in. */
    private List<String> allTexts() {
        return List.of(vm.tokenProblemProperty().get(), vm.tokenTextProperty().get(),
                vm.saveOutcome().textProperty().get(), vm.portalOutcome().textProperty().get(),
                vm.regionProblemProperty().get(), vm.addressProblemProperty().get(), vm.portProblemProperty().get());
    }

    @Test
    void openingShowsTheSavedRegionAndAddressAndWhetherATokenIsSaved() {
        assertEquals("RU", vm.numberRegionProperty().get());
        assertEquals("192.168.1.20", vm.listenerAddressProperty().get());
        assertFalse(vm.tokenSavedProperty().get());
        assertEquals(messages.get("settings.token.none"), vm.tokenTextProperty().get());
        tokens.saved = true;
        vm.applicationTokenProperty().set(TOKEN);
        vm.open();
        assertTrue(vm.tokenSavedProperty().get());
        assertEquals(messages.get("settings.token.saved"), vm.tokenTextProperty().get());
        assertEquals("", vm.applicationTokenProperty().get(), "a typed token does not outlive the window");
    }

    @Test
    void aRegionThatIsNoRegionIsRefusedWithTheReasonAndNothingChanges() {
        vm.numberRegionProperty().set("Germany");
        assertEquals(messages.get("settings.region.invalid", "Germany"), vm.regionProblemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.save();
        assertEquals(List.of(), plain.saves());
        assertEquals("RU", preferences.current().numberRegion());
        vm.numberRegionProperty().set("XX");
        assertFalse(vm.regionProblemProperty().get().isEmpty(), "two letters, but no region");

        vm.numberRegionProperty().set(" de ");
        assertEquals("", vm.regionProblemProperty().get());
        vm.save();
        assertEquals("RU", preferences.current().numberRegion(), "not before the settings are saved");
        plain.saves().get(0).answer().complete(new SaveResult(true, "Saved."));
        assertEquals("DE", preferences.current().numberRegion());
        assertEquals(List.of(preferences.current()), preferencesSaved);
    }

    @Test
    void anEmptyRegionMeansGuessIt() {
        vm.numberRegionProperty().set("");
        assertEquals("", vm.regionProblemProperty().get());
        vm.save();
        plain.saves().get(0).answer().complete(new SaveResult(true, "Saved."));
        assertNull(preferences.current().numberRegion());
    }

    @Test
    void anAddressThatIsNoIpAddressIsRefusedWithTheReasonAndNothingIsSaved() {
        vm.listenerAddressProperty().set("callcard.example.com");
        assertEquals(messages.get("settings.address.invalid", "callcard.example.com"),
                vm.addressProblemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.save();
        assertEquals(List.of(), plain.saves());
        vm.listenerAddressProperty().set("300.1.1.1");
        assertFalse(vm.addressProblemProperty().get().isEmpty());

        vm.listenerAddressProperty().set("::1");
        assertEquals("", vm.addressProblemProperty().get());
        vm.listenerAddressProperty().set(" 10.0.0.7 ");
        vm.save();
        assertEquals("10.0.0.7", plain.saves().get(0).address());
    }

    @Test
    void anEmptyAddressIsTheDefault() {
        vm.listenerAddressProperty().set("  ");
        assertEquals("", vm.addressProblemProperty().get());
        vm.save();
        assertNull(plain.saves().get(0).address());
    }

    @Test
    void aMalformedTokenIsRefusedWithoutBeingRepeated() {
        String pasted = "https://acme.bitrix24.com/rest/1/secretcode/";
        vm.applicationTokenProperty().set(pasted);
        assertEquals(messages.get("settings.token.invalid"), vm.tokenProblemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.save();
        assertEquals(List.of(), plain.saves());
        assertEquals(List.of(), tokens.tokensSent);
        allTexts().forEach(text -> assertFalse(text.contains("secretcode"), text));
    }

    @Test
    void aTypedTokenIsSavedAfterTheSettingsThenEmptiedAndNeverShown() {
        vm.applicationTokenProperty().set(TOKEN);
        assertTrue(vm.canSaveProperty().get());
        vm.save();
        assertEquals(List.of(), tokens.tokensSent, "the settings file first");
        plain.saves().get(0).answer().complete(new SaveResult(true, "Saved."));
        assertEquals(List.of(TOKEN), tokens.tokensSent);
        assertEquals(Kind.WORKING, vm.saveOutcome().kindProperty().get());
        tokens.answers.get(0).complete(new SaveResult(true, "Saved in the keyring."));
        assertEquals(Kind.SUCCESS, vm.saveOutcome().kindProperty().get());
        assertEquals("", vm.applicationTokenProperty().get());
        assertTrue(vm.tokenSavedProperty().get());
        allTexts().forEach(text -> assertFalse(text.contains(TOKEN), text));
    }

    @Test
    void aTokenTheStoreRefusesIsSaidAndStaysToBeTriedAgain() {
        vm.applicationTokenProperty().set(TOKEN);
        vm.save();
        plain.saves().get(0).answer().complete(new SaveResult(true, "Saved."));
        tokens.answers.get(0).complete(new SaveResult(false, "The keyring is locked."));
        assertEquals(Kind.FAILURE, vm.saveOutcome().kindProperty().get());
        assertEquals("The keyring is locked.", vm.saveOutcome().textProperty().get());
        assertFalse(vm.tokenSavedProperty().get());
        assertEquals("RU", preferences.current().numberRegion());
        assertEquals(List.of(), preferencesSaved, "a failed save changes no preference either");
    }

    @Test
    void aSavedTokenCanBeForgottenAndOnlyThen() {
        vm.forgetToken();
        assertEquals(List.of(), tokens.tokensSent, "nothing saved, nothing to forget");
        tokens.saved = true;
        vm.open();
        vm.forgetToken();
        vm.forgetToken();
        assertEquals(1, tokens.answers.size(), "asked once");
        tokens.answers.get(0).complete(new SaveResult(true, "Forgotten."));
        assertFalse(vm.tokenSavedProperty().get());
        assertEquals(messages.get("settings.token.none"), vm.tokenTextProperty().get());
    }
}
