package io.callcard.portal;

import java.util.Objects;

/** What a user pasted is not an inbound webhook URL; {@link #reason()} says why, so the settings page can word it. */
public final class WebhookUrlException extends Exception {

    /** Why a pasted text was refused. */
    public enum Reason {
        /** Nothing, or only spaces, was pasted. */
        EMPTY,
        /** Not an http(s) URL at all. */
        NOT_A_URL,
        /** {@code http://} (or another scheme) to a host that is not this machine. */
        NOT_HTTPS,
        /** The path is not {@code /rest/USER_ID/CODE/} with an optional method name after it. */
        NOT_A_WEBHOOK_PATH,
        /** The user id part is not made of digits. */
        USER_ID_NOT_NUMERIC,
        /** The secret code part is empty or holds characters other than Latin letters and digits. */
        BAD_CODE
    }

    private final Reason reason;

    WebhookUrlException(Reason reason) {
        // Never the pasted text: it may hold the webhook's secret code.
        super("not a webhook URL: " + reason);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** The i18n key of the words for the user: {@code portal.webhook.<REASON>}. */
    public String messageKey() {
        return "portal.webhook." + reason.name();
    }
}
