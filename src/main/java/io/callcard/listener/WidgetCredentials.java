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
     * Hands every later load's pair to {@code watcher}, on the listener's thread as the load is answered: the
     * watcher must only take note and return.
     */
    void watch(Consumer<WidgetAuth> watcher);
}
