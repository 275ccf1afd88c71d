package io.callcard.testing;

import io.callcard.listener.WidgetAuth;
import io.callcard.listener.WidgetProof;
import io.callcard.listener.WidgetVerdict;
import java.util.concurrent.CompletableFuture;

/**
 * Test-only: takes every widget form's token as proven, at once, for user "1". For the listener tests about
 * something other than the proof (sessions, commands, the gate, the sandbox's play), which post forms with made-up
 * tokens; the proof itself is tested against the real sandbox REST server (WidgetProofOverSocketsTest).
 */
public final class UncheckedWidgetProof implements WidgetProof {

    public static final UncheckedWidgetProof INSTANCE = new UncheckedWidgetProof();

    private UncheckedWidgetProof() {
    }

    @Override
    public CompletableFuture<WidgetVerdict> prove(WidgetAuth claim) {
        return CompletableFuture.completedFuture(WidgetVerdict.provenFor("1"));
    }
}
