package io.callcard.listener;

import java.util.Optional;

/**
 * What the widget's loads offer the REST client: the latest {@link WidgetAuth} the portal posted. Offered only; using
 * it is a setting the application leaves off by default (issue 5), and nothing is wired to it yet.
 */
public interface WidgetCredentials {

    /** The pair from the most recent widget load, if any arrived since the companion started. */
    Optional<WidgetAuth> latest();
}
