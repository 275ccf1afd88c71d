package io.callcard.listener;

import java.util.concurrent.CompletableFuture;

/**
 * Who proves a widget form's {@code AUTH_ID} before anything of the form reaches the card (protocol.md, "How the
 * widget bridge meets these facts"). The listener only asks and waits for the verdict; whom to ask (the configured
 * portal, the sandbox, a portal the agent allowed) is the application's policy. The answer must come off the
 * listener's threads; the listener gives up after {@link WidgetProofs#TIMEOUT} and refuses the form with
 * {@link WidgetVerdict#PORTAL_UNREACHABLE}.
 */
@FunctionalInterface
public interface WidgetProof {

    /**
     * Proves {@code claim}: the token pair and portal the form (or a renewing page) named. Works off the listener's
     * threads; may answer at once (an already completed future) when nothing needs asking.
     */
    CompletableFuture<WidgetVerdict> prove(WidgetAuth claim);

    /** Refuses every form: a listener started without a prover trusts no widget. */
    WidgetProof NONE = claim -> CompletableFuture.completedFuture(WidgetVerdict.refused(WidgetVerdict.NO_PROVER));
}
