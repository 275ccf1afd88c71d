package io.callcard.listener;

/**
 * What {@link ListenerGate} demands of one route beyond the common Host check.
 *
 * @param route           a short name, used for rate overrides ({@link GuardLimits#withRate}) and in logs
 * @param ratePerSecond   the default token-bucket rate; the burst is one second's worth
 * @param calledByPortal  true for routes the portal's own page calls (the widget handler form POST, the install
 *                        page): they accept the portal's origin, and while no portal is configured any https origin
 *                        (see {@link AllowedOrigins})
 * @param acceptsNullOrigin true where browsers send {@code Origin: null} for legitimate calls (see
 *                        {@link AllowedOrigins}); such routes must rest on another proof (a session token, the
 *                        portal's form fields)
 */
record RoutePolicy(String route, double ratePerSecond, boolean calledByPortal, boolean acceptsNullOrigin) {

    /**
     * The page's events: a getStatus a second plus the card's events. The cap is for floods, not for the page, and it
     * sits above the 5,000 events/s the listener must carry with zero loss (issue 5's goal, ListenerBench).
     */
    static final RoutePolicy BRIDGE_EVENTS = new RoutePolicy("bridge-events", 10_000, false, true);
    /** Long and short polls of the page, one after another. */
    static final RoutePolicy BRIDGE_COMMANDS = new RoutePolicy("bridge-commands", 200, false, true);
    /**
     * A page asking for a new session: once per open page after a companion restart. The widget page's own fetch
     * (its origin, or null under its no-referrer policy); the portal's fields are its proof (see BridgeSessionRoute).
     */
    static final RoutePolicy BRIDGE_SESSION = new RoutePolicy("bridge-session", 10, false, true);
    /** One handler POST per card opened; a burst of 20 already means something is wrong. */
    static final RoutePolicy WIDGET_PAGE = new RoutePolicy("widget-page", 20, true, true);
    /** Opened by an administrator once. */
    static final RoutePolicy WIDGET_INSTALL = new RoutePolicy("widget-install", 20, true, true);
    /** The page's scripts, loaded once per card. */
    static final RoutePolicy WIDGET_SCRIPTS = new RoutePolicy("widget-scripts", 100, false, false);
    static final RoutePolicy HEALTH = new RoutePolicy("health", 1000, false, false);
    /**
     * Posts from the portal's server (telephony events for every call on every line, the seed transport's CallCard
     * events): no browser sends them, so no Origin is expected; the application token is their proof.
     */
    static final RoutePolicy PORTAL_EVENTS = new RoutePolicy("portal-events", 500, false, false);
    /** Everything no route claims: 404 for the curious, not an amplifier for scanners. */
    static final RoutePolicy NOT_FOUND = new RoutePolicy("not-found", 200, false, false);

    RoutePolicy {
        if (route == null || route.isBlank()) {
            throw new IllegalArgumentException("route name required");
        }
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
    }
}
