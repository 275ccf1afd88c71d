package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.wire.CardCallState;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.Messages;
import io.callcard.ui.Palette;
import io.callcard.ui.PngSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What each call phase looks like: the colour of the left edge and of the state badge come from callcard.css, keyed on
 * the card's phase pseudo-class. One PNG a phase under target/screenshots for people to look at.
 */
class CallCardLooksTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** The look of one phase: the card's first background fill (its left edge) and the badge's text and fill. */
    private record Look(Paint edge, Paint badgeText, Paint badgeFill) {
    }

    private CallCardViewModel vm;
    private CallCardView card;

    @BeforeEach
    void showCard() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH),
                    Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC), Runnable::run);
            card = new CallCardView(vm, Messages.forLocale(Locale.ENGLISH));
            StackPane root = new StackPane(card);
            root.getStylesheets().add(Palette.STYLESHEET);
            stage.setScene(new Scene(root, 400, 360));
            stage.sizeToScene(); // the test stage is shared: it may still have an earlier test's size
            stage.show();
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void eachPhaseHasItsOwnColoursAndTheWaitingCardAMutedEdge() throws Exception {
        Map<CallDisplayState, Look> looks = new EnumMap<>(CallDisplayState.class);
        for (CallDisplayState phase : CallDisplayState.values()) {
            CallSnapshot s = snapshotIn(phase);
            looks.put(phase, WaitForAsyncUtils.asyncFx(() -> {
                vm.apply(s);
                card.applyCss();
                Label badge = (Label) card.lookup("#state");
                return new Look(card.getBackground().getFills().get(0).getFill(), badge.getTextFill(),
                        badge.getBackground().getFills().get(0).getFill());
            }).get(5, TimeUnit.SECONDS));
            assertEquals(phase, vm.phaseProperty().get());
            PngSnapshots.save(card, "call-card-phase-" + EnumPseudoClasses.cssName(phase));
        }

        // waiting and ready speak in the accent colour; only a card that is open shows it on its edge
        assertEquals(looks.get(CallDisplayState.READY).badgeText(), looks.get(CallDisplayState.NO_CALL).badgeText());
        assertEquals(looks.get(CallDisplayState.READY).badgeFill(), looks.get(CallDisplayState.NO_CALL).badgeFill());
        assertNotEquals(looks.get(CallDisplayState.READY).edge(), looks.get(CallDisplayState.NO_CALL).edge());
        assertEquals(looks.get(CallDisplayState.READY).edge(), looks.get(CallDisplayState.READY).badgeText());
        // every other phase has colours of its own, and its edge is its badge's text colour
        List<CallDisplayState> own = List.of(CallDisplayState.READY, CallDisplayState.CONNECTING,
                CallDisplayState.CONNECTED, CallDisplayState.ENDED, CallDisplayState.FAILED);
        assertEquals(own.size(), own.stream().map(looks::get).map(Look::badgeText).distinct().count(),
                looks.toString());
        assertEquals(own.size(), own.stream().map(looks::get).map(Look::badgeFill).distinct().count(),
                looks.toString());
        for (CallDisplayState phase : own) {
            assertEquals(looks.get(phase).badgeText(), looks.get(phase).edge(), phase.name());
        }
    }

    /** A snapshot of one call in {@code phase}, as the card's events would leave it. */
    private static CallSnapshot snapshotIn(CallDisplayState phase) {
        return switch (phase) {
            case NO_CALL -> CallSnapshot.EMPTY;
            case READY -> opened(CardCallState.IDLE);
            case CONNECTING -> opened(CardCallState.CONNECTING);
            case CONNECTED -> opened(CardCallState.CONNECTED);
            case ENDED -> CallStateReducer.reduce(opened(CardCallState.CONNECTED),
                    new CallEvent.StateChanged(T0.plusSeconds(60), "C1", CardCallState.IDLE, null));
            case FAILED -> CallStateReducer.reduce(opened(CardCallState.CONNECTING),
                    new CallEvent.StateChanged(T0.plusSeconds(20), "C1", CardCallState.IDLE, "486"));
        };
    }

    private static CallSnapshot opened(CardCallState state) {
        return CallStateReducer.reduce(CallSnapshot.EMPTY, new CallEvent.WidgetOpened(T0, new CallCardStatus("C1",
                CallerNumber.of("+4930123456"), "reg1", "Berlin sales", new CrmRef(CrmEntityType.CONTACT, 797),
                List.of(), null, CallDirection.INCOMING, state, false)));
    }
}
