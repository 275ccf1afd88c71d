package io.callcard.app;

import io.callcard.call.CallDisplayState;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;

/**
 * {@code --training-run}: one short, complete use of the companion (the window, the listener, a sandbox call rung,
 * answered and ended on the card), then an orderly quit. The packaging runs it to record the classes a real start
 * loads into the class-data-sharing archive, and the packaged-app tests run it to see the installed launcher work.
 * It prints machine-readable lines on standard output: {@value #FIRST_FRAME}, {@value #SERVICES_READY} with the
 * listener's port, {@value #CALL_ON_CARD} with each phase the card shows, and {@value #DONE} before quitting.
 */
final class TrainingRun {

    static final String FIRST_FRAME = StartupProbe.FIRST_FRAME;
    static final String SERVICES_READY = StartupProbe.SERVICES_READY;
    static final String CALL_ON_CARD = "CALL_ON_CARD";
    static final String DONE = "TRAINING_DONE";

    /** The phases of a call under way: once one was shown, the call's end finishes the run. */
    private static final Set<CallDisplayState> UNDER_WAY = EnumSet.of(CallDisplayState.CONNECTING,
            CallDisplayState.CONNECTED);
    private static final Set<CallDisplayState> OVER = EnumSet.of(CallDisplayState.ENDED, CallDisplayState.FAILED);

    private TrainingRun() {
    }

    /** Call on the FX thread right after the first frame, with the card's phase. */
    static void follow(ObservableValue<CallDisplayState> cardPhase, CompletableFuture<Void> servicesReady,
                       IntSupplier listenerPort) {
        print(FIRST_FRAME);
        servicesReady.whenComplete((ok, failed) -> {
            if (failed != null) {
                print("SERVICES_FAILED " + failed);
                Platform.exit();
            } else {
                print(SERVICES_READY + " port=" + listenerPort.getAsInt());
            }
        });
        boolean[] underWay = {false};
        cardPhase.addListener((obs, old, now) -> {
            print(CALL_ON_CARD + " " + now);
            underWay[0] |= UNDER_WAY.contains(now);
            if (underWay[0] && OVER.contains(now)) {
                print(DONE);
                Platform.exit();
            }
        });
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
