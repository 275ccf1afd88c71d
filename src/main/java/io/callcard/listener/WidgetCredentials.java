package io.callcard.listener;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the widget's loads offer the REST client: the {@link WidgetAuth} each load brought. Offered only; using it is
 * a setting ({@code offerWidgetCredentials}) the application leaves off until the user agrees.
 */
public interface WidgetCredentials {

    /** The pair from the most recent widget load, if any arrived since the companion started. */
    Optional<WidgetAuth> latest();

    /**
     * Hands every later proven load's pair to {@code watcher} (a form whose AUTH_ID the portal has proven, or a
     * renewal proven likewise), as it is proven: on the listener's thread when proven at once, else on the prover's;
     * the watcher must only take note and return. An unproven form's pair is never handed over.
     */
    void watch(Consumer<WidgetAuth> watcher);
}
