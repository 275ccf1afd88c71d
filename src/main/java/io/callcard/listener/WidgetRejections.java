package io.callcard.listener;

/** The widget routes' own refusals, on top of {@link RequestRejected}'s common ones. */
final class WidgetRejections {

    static final String UNKNOWN_SESSION = "unknown_session";
    static final String INVALID_FORM = "invalid_form";

    private WidgetRejections() {
    }

    /** 401: the session token is missing, was never minted, or expired (the page must be loaded again). */
    static RequestRejected unknownSession() {
        return RequestRejected.of(401, UNKNOWN_SESSION, "unknown or expired widget session");
    }

    static RequestRejected notAForm() {
        return RequestRejected.of(415, RequestRejected.UNSUPPORTED_MEDIA_TYPE,
                "the body must be application/x-www-form-urlencoded");
    }

    static RequestRejected invalidForm(String message) {
        return RequestRejected.badRequest(INVALID_FORM, message);
    }
}
