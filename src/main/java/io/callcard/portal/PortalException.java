package io.callcard.portal;

import java.util.Objects;

/**
 * A portal call that failed, typed by {@link PortalError}. The message is built only from the error, the raw code,
 * the method name, the HTTP status and the portal's description with every known secret scrubbed out, so it may be
 * logged and shown; the words for the user come from {@link PortalError#messageKey()}.
 */
public final class PortalException extends Exception {

    private final PortalError error;
    private final String rawCode;
    private final String description;
    private final int httpStatus;

    /**
     * @param rawCode the code as received, {@code ""} when none
     * @param description the portal's {@code error_description} or a transport detail; must hold no secret
     * @param httpStatus the status of the answer, 0 when none arrived
     * @param method the REST method, or {@code null}
     */
    public PortalException(PortalError error, String rawCode, String description, int httpStatus, String method,
            Throwable cause) {
        super(describe(error, rawCode, description, httpStatus, method), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.rawCode = rawCode == null ? "" : rawCode;
        this.description = description == null ? "" : description;
        this.httpStatus = httpStatus;
    }

    static PortalException transport(PortalError error, String detail, String method, Throwable cause) {
        return new PortalException(error, "", detail, 0, method, cause);
    }

    public PortalError error() {
        return error;
    }

    /** The code exactly as received ({@code ""} for transport failures and the legacy empty code). */
    public String rawCode() {
        return rawCode;
    }

    /** The portal's {@code error_description}, or what went wrong in transport; secrets scrubbed. */
    public String description() {
        return description;
    }

    /** The HTTP status of the answer, 0 when none arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return error.retryable();
    }

    public boolean needsUserAction() {
        return error.needsUserAction();
    }

    private static String describe(PortalError error, String rawCode, String description, int httpStatus,
            String method) {
        StringBuilder s = new StringBuilder(error.name());
        if (rawCode != null && !rawCode.isEmpty() && !rawCode.equals(error.wireCode())) {
            s.append(" (").append(rawCode).append(')');
        }
        if (method != null) {
            s.append(" from ").append(method);
        }
        if (httpStatus > 0) {
            s.append(", HTTP ").append(httpStatus);
        }
        if (description != null && !description.isEmpty()) {
            s.append(": ").append(description);
        }
        return s.toString();
    }
}
