package io.callcard.listener;

/** The widget routes' own refusals, on top of {@link RequestRejected}'s common ones. */
final class WidgetRejections {

    static final String UNKNOWN_SESSION = "unknown_session";
    static final String INVALID_FORM = "invalid_form";
    static final String SESSION_REQUIRED = "session_required";
    static final String WRONG_PORTAL = "wrong_portal";
    /** The same widget form (AUTH_ID and PLACEMENT_OPTIONS) posted again: its page opened once already. */
    static final String FORM_REPLAYED = "form_replayed";
    /** A session renewal without the page's AUTH_ID to prove. */
    static final String PROOF_REQUIRED = "proof_required";
    /** Too many messages of a page whose token is still being checked. */
    static final String HELD_FULL = "held_full";

    private WidgetRejections() {
    }

    /** 401: the session token is missing, was never minted, or expired (the page must be loaded again). */
    static RequestRejected unknownSession() {
        return RequestRejected.of(401, UNKNOWN_SESSION, "unknown or expired widget session");
    }

    /** 401: bridge messages come only from a widget page, which always has the session its page load minted. */
    static RequestRejected sessionRequired() {
        return RequestRejected.of(401, SESSION_REQUIRED, "a widget session is required; load the widget page first");
    }

    /** 403: the widget was opened by another portal than the configured one; the values are not echoed. */
    static RequestRejected wrongPortal(String what) {
        return RequestRejected.of(403, WRONG_PORTAL, what + " does not match the configured portal");
    }

    /**
     * 403: the page's token was not proven; the code is {@link WidgetVerdict}'s reason (token_refused, token_expired,
     * other_user, portal_unreachable, not_https, not_allowed, no_token, no_prover). The token is never echoed.
     */
    static RequestRejected refused(String reason) {
        return RequestRejected.of(403, reason, "the widget's token was not proven by the portal");
    }

    static RequestRejected formReplayed() {
        return RequestRejected.of(403, FORM_REPLAYED,
                "this widget form was used already; the call card opens a new one");
    }

    static RequestRejected proofRequired() {
        return RequestRejected.of(403, PROOF_REQUIRED, "a session renewal must carry the page's auth token");
    }

    /** 429: the page sends faster than its token can be proven; it retries as after any 429. */
    static RequestRejected heldFull() {
        return RequestRejected.of(429, HELD_FULL, "the widget's token is still being checked; retry shortly");
    }

    static RequestRejected notAForm() {
        return RequestRejected.of(415, RequestRejected.UNSUPPORTED_MEDIA_TYPE,
                "the body must be application/x-www-form-urlencoded");
    }

    static RequestRejected invalidForm(String message) {
        return RequestRejected.badRequest(INVALID_FORM, message);
    }
}
