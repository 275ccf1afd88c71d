package io.callcard.listener;

import java.util.Objects;

/**
 * What proving a widget form's token found: proven for the portal user {@code userId}, or refused with a short
 * {@code reason} (one of the constants here: the JSON reason of the 403 the page gets, and what the log says; never
 * the token).
 */
public record WidgetVerdict(boolean proven, String reason, String userId) {

    /** The portal did not know the token (forged, or another portal's). */
    public static final String TOKEN_REFUSED = "token_refused";
    /** The portal said the token expired. */
    public static final String TOKEN_EXPIRED = "token_expired";
    /** The token is genuine but belongs to another user than the companion's agent. */
    public static final String OTHER_USER = "other_user";
    /** The portal did not answer in time, or could not be reached: the form stays unproven. */
    public static final String PORTAL_UNREACHABLE = "portal_unreachable";
    /** With no portal configured, a form of an unknown portal that is not served over https. */
    public static final String NOT_HTTPS = "not_https";
    /** With no portal configured, the agent answered Ignore to "this portal wants to connect". */
    public static final String NOT_ALLOWED = "not_allowed";
    /** The form brought no AUTH_ID to prove. */
    public static final String NO_TOKEN = "no_token";
    /** The listener was started without a prover: no form is trusted. */
    public static final String NO_PROVER = "no_prover";

    public WidgetVerdict {
        if (proven) {
            Objects.requireNonNull(userId, "userId");
            reason = null;
        } else {
            Objects.requireNonNull(reason, "reason");
        }
    }

    public static WidgetVerdict provenFor(String userId) {
        return new WidgetVerdict(true, null, userId);
    }

    public static WidgetVerdict refused(String reason) {
        return new WidgetVerdict(false, reason, null);
    }
}
