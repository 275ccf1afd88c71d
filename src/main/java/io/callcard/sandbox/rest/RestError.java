package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error the sandbox answers instead of a result: HTTP status, {@code error} code, {@code error_description} and, for
 * a few methods, extra keys. Each factory reproduces one documented answer exactly
 * ({@code examples/resp_errors_documented.jsonc}), quirks included: an empty code from legacy {@code crm.*.get}, HTTP
 * 200 for {@code ERROR_ARGUMENT}, 401 rather than 403 for {@code insufficient_scope} as seen live.
 */
final class RestError extends RuntimeException {

    private final int status;
    private final String code;
    private final String description;
    private final ObjectNode extra;

    RestError(int status, String code, String description) {
        this(status, code, description, JsonNodeFactory.instance.objectNode());
    }

    private RestError(int status, String code, String description, ObjectNode extra) {
        super(status + " " + code + ": " + description, null, false, false);
        this.status = status;
        this.code = code;
        this.description = description;
        this.extra = extra;
    }

    static RestError noAuthFound() {
        return new RestError(401, "NO_AUTH_FOUND", "Wrong authorization data");
    }

    static RestError insufficientScope(boolean webhook) {
        return new RestError(401, "insufficient_scope", "The request requires higher privileges than provided by the "
                + (webhook ? "webhook token" : "access token"));
    }

    static RestError expiredToken() {
        return new RestError(401, "expired_token", "The access token provided has expired");
    }

    static RestError invalidToken() {
        return new RestError(401, "invalid_token", "The access token provided is invalid");
    }

    static RestError queryLimitExceeded() {
        return new RestError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
    }

    static RestError overloadLimit() {
        return new RestError(503, "OVERLOAD_LIMIT", "REST API is blocked due to overload");
    }

    /** Status from limits.md's prose, words from the PHP SDK's tests (resp_errors_documented.jsonc). */
    static RestError operationTimeLimit() {
        return new RestError(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
    }

    static RestError wrongAuthType() {
        return new RestError(403, "WRONG_AUTH_TYPE",
                "Current authorization type is denied for this method Application context required");
    }

    static RestError methodNotFound() {
        return new RestError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
    }

    static RestError internal() {
        return new RestError(500, "INTERNAL_SERVER_ERROR", "Internal server error");
    }

    /** The legacy {@code crm.*.get} shape: HTTP 400 and an empty {@code error}. */
    static RestError legacy(String description) {
        return new RestError(400, "", description);
    }

    static RestError notFound() {
        return new RestError(400, "NOT_FOUND", "Element not found");
    }

    /** {@code placement.bind}'s argument check: delivered with HTTP 200 and an extra {@code argument} key. */
    static RestError argumentEmpty(String argument) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode().put("argument", argument);
        return new RestError(200, "ERROR_ARGUMENT", "Argument '" + argument + "' is null or empty", extra);
    }

    static RestError wrongHandlerUrl() {
        return new RestError(400, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** {@code {"error": .., "error_description": .., extra keys}} in that order. */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", code).put("error_description", description);
        body.setAll(extra);
        return body;
    }
}
