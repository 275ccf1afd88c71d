package io.callcard.listener;

/** The widget routes' own refusals, on top of {@link RequestRejected}'s common ones. */
final class WidgetRejections {

    static final String UNKNOWN_SESSION = "unknown_session";
    static final String INVALID_FORM = "invalid_form";
    static final String SESSION_REQUIRED = "session_required";
    static final String WRONG_PORTAL = "wrong_portal";

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

    static RequestRejected notAForm() {
        return RequestRejected.of(415, RequestRejected.UNSUPPORTED_MEDIA_TYPE,
                "the body must be application/x-www-form-urlencoded");
    }

    static RequestRejected invalidForm(String message) {
        return RequestRejected.badRequest(INVALID_FORM, message);
    }
}
