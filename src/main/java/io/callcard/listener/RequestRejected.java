package io.callcard.listener;

import io.callcard.wire.WireFormatException;
import java.util.Map;
import java.util.Objects;

/**
 * A request the listener refuses, with the HTTP status, a machine-readable {@code code} the UI translates, and a short
 * English message for developers. Thrown anywhere in request handling; {@link JsonExchangeHandler} turns it into the
 * JSON error body. No stack trace: it is an answer to the client, not a fault of ours.
 */
public final class RequestRejected extends RuntimeException {

    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String INVALID_MESSAGE = "invalid_message";
    public static final String UNKNOWN_TYPE = "unknown_type";
    public static final String UNKNOWN_EVENT = "unknown_event";
    public static final String UNKNOWN_COMMAND = "unknown_command";
    public static final String INVALID_STATE = "invalid_state";
    public static final String MISSING_HOST = "missing_host";
    public static final String BAD_HOST = "bad_host";
    public static final String BAD_ORIGIN = "bad_origin";
    public static final String BUSY = "busy";
    public static final String RATE_LIMITED = "rate_limited";

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    private RequestRejected(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.headers = Map.copyOf(headers);
    }

    /** A 400 for a body that is JSON but not a message we accept. */
    public static RequestRejected badRequest(String code, String message) {
        return new RequestRejected(400, code, message, Map.of());
    }

    /** Any other refusal, for routes with their own codes (the widget routes' 401s and 415s). */
    static RequestRejected of(int status, String code, String message) {
        return new RequestRejected(status, code, message, Map.of());
    }

    static RequestRejected notFound() {
        return new RequestRejected(404, NOT_FOUND, "no such resource", Map.of());
    }

    static RequestRejected methodNotAllowed(String allowed) {
        return new RequestRejected(405, METHOD_NOT_ALLOWED, "use " + allowed, Map.of("Allow", allowed));
    }

    static RequestRejected unsupportedMediaType() {
        return new RequestRejected(415, UNSUPPORTED_MEDIA_TYPE, "the body must be application/json", Map.of());
    }

    /** Sent before the body was read to its end, so the connection is not reused. */
    static RequestRejected payloadTooLarge(int limit) {
        return new RequestRejected(413, PAYLOAD_TOO_LARGE, "the body exceeds " + limit + " bytes",
                Map.of("Connection", "close"));
    }

    static RequestRejected missingHost() {
        return new RequestRejected(400, MISSING_HOST, "a Host header is required", Map.of());
    }

    /** 421 Misdirected Request: the name the client used is not this listener's (a DNS-rebinding page). */
    static RequestRejected badHost() {
        return new RequestRejected(421, BAD_HOST, "the Host header does not name this listener", Map.of());
    }

    static RequestRejected badOrigin() {
        return new RequestRejected(403, BAD_ORIGIN, "requests from this origin are not accepted", Map.of());
    }

    static RequestRejected busy(long retryAfterSeconds) {
        return new RequestRejected(503, BUSY, "too many requests in progress",
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    static RequestRejected rateLimited(long retryAfterSeconds) {
        return new RequestRejected(429, RATE_LIMITED, "too many requests to this route",
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    /** 400 {@code invalid_message}: JSON, but not a message we accept (not an object, a key missing or mistyped). */
    static RequestRejected invalidMessage(String message) {
        return badRequest(INVALID_MESSAGE, message);
    }

    /** The listener's answer to what the wire decoders refused: always a 400, the code naming the kind of fault. */
    static RequestRejected of(WireFormatException refused) {
        String code = switch (refused.problem()) {
            case MALFORMED_FORM -> WidgetRejections.INVALID_FORM;
            case INVALID_FIELD -> INVALID_MESSAGE;
            case UNKNOWN_CALL_STATE -> INVALID_STATE;
        };
        return badRequest(code, refused.getMessage());
    }

    static RequestRejected malformedJson() {
        return new RequestRejected(400, MALFORMED_JSON, "the body is not well-formed JSON", Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra response headers this rejection needs, such as {@code Allow}. */
    public Map<String, String> headers() {
        return headers;
    }
}
