package io.callcard.portal;

import java.util.Locale;

/**
 * Every way a portal call can fail, one constant per documented Bitrix24 error code (see the test resource
 * {@code io/callcard/examples/resp_errors_documented.jsonc}) plus the failures of the transport under it.
 * The flags tell the caller what to do: {@link #retryable()} means the same call may succeed later without anyone
 * changing anything; {@link #needsUserAction()} means a person has to fix something (a setting, a sign-in, a plan)
 * first. The words for each constant live in the i18n bundles under {@link #messageKey()}.
 */
public enum PortalError {

    // Documented portal codes. The wire spelling keeps its case (OAuth codes are lower case).
    WRONG_AUTH_TYPE("WRONG_AUTH_TYPE", false, true),
    ERROR_ARGUMENT("ERROR_ARGUMENT", false, false),
    ACCESS_DENIED("ACCESS_DENIED", false, true),
    ERROR_CORE("ERROR_CORE", false, false),
    NOT_FOUND("NOT_FOUND", false, false),
    /** Legacy {@code crm.*.get} methods answer with an empty code and only a description. */
    LEGACY_EMPTY_CODE("", false, false),
    ERROR_EVENT_NOT_FOUND("ERROR_EVENT_NOT_FOUND", false, false),
    PAYMENT_REQUIRED("PAYMENT_REQUIRED", false, true),
    QUERY_LIMIT_EXCEEDED("QUERY_LIMIT_EXCEEDED", true, false),
    OVERLOAD_LIMIT("OVERLOAD_LIMIT", true, false),
    /** Reaches a caller only when the one refresh did not help (or the credentials cannot refresh). */
    EXPIRED_TOKEN("expired_token", false, true),
    INVALID_TOKEN("invalid_token", false, true),
    NO_AUTH_FOUND("NO_AUTH_FOUND", false, true),
    INVALID_CREDENTIALS("INVALID_CREDENTIALS", false, true),
    INSUFFICIENT_SCOPE("insufficient_scope", false, true),
    USER_ACCESS_ERROR("user_access_error", false, true),
    INVALID_REQUEST("INVALID_REQUEST", false, true),
    INTERNAL_SERVER_ERROR("INTERNAL_SERVER_ERROR", true, false),
    ERROR_UNEXPECTED_ANSWER("ERROR_UNEXPECTED_ANSWER", true, false),
    PORTAL_DELETED("PORTAL_DELETED", false, true),
    OPERATION_TIME_LIMIT("OPERATION_TIME_LIMIT", true, false),
    ERROR_METHOD_NOT_FOUND("ERROR_METHOD_NOT_FOUND", false, false),
    INVALID_GRANT("invalid_grant", false, true),
    /**
     * The OAuth server does not know the application's client id and secret (OAuth 2.0's {@code invalid_client}, RFC
     * 6749 §5.2): the settings hold a wrong pair, which only a person can correct.
     */
    INVALID_CLIENT("invalid_client", false, true),
    /**
     * Not a wire code: the portal refused the seed transport ({@code placement.call}, {@code placement.bindEvent})
     * as a REST method, so it offers the call card only to the installed {@code CALL_CARD} widget. Asking again
     * cannot help; someone has to install the widget application.
     */
    SEED_TRANSPORT_UNSUPPORTED(null, false, true),
    /** A code this build does not know; the exception keeps the raw code. */
    UNKNOWN_CODE(null, false, false),

    // Transport failures: the portal's answer never arrived, or was not a REST envelope.
    DNS_FAILURE(null, true, true),
    CONNECTION_REFUSED(null, true, false),
    TLS_FAILURE(null, false, true),
    TIMEOUT(null, true, false),
    NOT_JSON(null, false, true),
    TRUNCATED_BODY(null, true, false),
    HTTP_STATUS_WITHOUT_ENVELOPE(null, true, false),
    /** Any other I/O failure on the way (connection reset, proxy closed the stream, ...). */
    NETWORK_ERROR(null, true, false),
    /** The caller cancelled the call; nothing to tell the user. */
    CANCELLED(null, false, false);

    private final String wireCode;
    private final boolean retryable;
    private final boolean needsUserAction;

    PortalError(String wireCode, boolean retryable, boolean needsUserAction) {
        this.wireCode = wireCode;
        this.retryable = retryable;
        this.needsUserAction = needsUserAction;
    }

    /** The constant for a code from an {@code error} key; {@link #UNKNOWN_CODE} when there is none. */
    public static PortalError fromWireCode(String code) {
        String c = code == null ? "" : code.trim();
        for (PortalError e : values()) {
            // Case-insensitive: the portal and the OAuth server disagree on case, never on spelling.
            if (e.wireCode != null && e.wireCode.toLowerCase(Locale.ROOT).equals(c.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        return UNKNOWN_CODE;
    }

    /** The code as the portal spells it; empty for transport failures and {@link #UNKNOWN_CODE}. */
    public String wireCode() {
        return wireCode == null ? "" : wireCode;
    }

    /** True for failures that happened below the REST envelope. */
    public boolean isTransport() {
        return ordinal() > UNKNOWN_CODE.ordinal();
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean needsUserAction() {
        return needsUserAction;
    }

    /** The i18n key of the user-facing words: {@code portal.error.<NAME>}. */
    public String messageKey() {
        return "portal.error." + name();
    }
}
