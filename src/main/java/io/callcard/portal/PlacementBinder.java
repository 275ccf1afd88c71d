package io.callcard.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Registers the companion's {@code CALL_CARD} widget with {@code placement.bind}, as the local application's install
 * page does. The portal allows this only in application context and to an administrator: through a webhook it
 * answers {@link PortalError#WRONG_AUTH_TYPE}, which reaches the caller as it is.
 */
public final class PlacementBinder {

    /** The placement the widget is registered for. */
    public static final String CALL_CARD = "CALL_CARD";

    private final PortalClient client;

    public PlacementBinder(PortalClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Binds {@code handlerUrl} (an {@code http://127.0.0.1:PORT/...} address; {@code localhost} is refused by the
     * portal and here) as the call card widget titled {@code title}.
     *
     * @return what the portal answered: true when it registered the widget
     */
    public boolean bindCallCardWidget(String handlerUrl, String title) throws PortalException {
        Objects.requireNonNull(title, "title");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("PLACEMENT", CALL_CARD);
        params.put("HANDLER", HandlerUrls.require(handlerUrl));
        params.put("TITLE", title);
        return client.call("placement.bind", params).result().asBoolean(false);
    }
}
