package io.callcard.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The one place that turns what a portal (or its OAuth server) answered into a {@link PortalResponse} or a typed
 * {@link PortalException}. The {@code error} key decides, whatever the HTTP status: Bitrix24 sends some errors
 * with 200, and legacy methods send an empty code.
 */
final class EnvelopeReader {

    private final ObjectMapper mapper;
    private final Redactor redactor;

    EnvelopeReader(ObjectMapper mapper, Redactor redactor) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** A REST method's answer. */
    PortalResponse read(String method, int status, byte[] body) throws PortalException {
        JsonNode root = readObject(method, status, body);
        JsonNode result = root.get("result");
        if (result == null) {
            throw new PortalException(PortalError.NOT_JSON, "", "JSON without result or error", status, method, null);
        }
        return new PortalResponse(result, optionalLong(root.get("total")), optionalLong(root.get("next")),
                PortalTime.from(root.get("time")));
    }

    /** Any JSON object answer with the {@code error} convention, such as the OAuth token endpoint's. */
    JsonNode readObject(String method, int status, byte[] body) throws PortalException {
        boolean success = status >= 200 && status < 300;
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException unparsable) {
            boolean cutOff = endsEarly(unparsable, body);
            PortalError error = !success ? PortalError.HTTP_STATUS_WITHOUT_ENVELOPE
                    : cutOff ? PortalError.TRUNCATED_BODY : PortalError.NOT_JSON;
            throw failure(error, cutOff ? "JSON ends early" : "body is not JSON", status, method, unparsable);
        } catch (IOException unreadable) {
            throw failure(PortalError.NOT_JSON, "body is unreadable", status, method, unreadable);
        }
        if (root == null || !root.isObject()) {
            throw failure(success ? PortalError.NOT_JSON : PortalError.HTTP_STATUS_WITHOUT_ENVELOPE,
                    "body is not a JSON object", status, method, null);
        }
        PortalException error = errorIn(root, status, method);
        if (error != null) {
            throw error;
        }
        if (!success) {
            throw failure(PortalError.HTTP_STATUS_WITHOUT_ENVELOPE, "JSON without an error key", status, method,
                    null);
        }
        return root;
    }

    /**
     * The typed error an object with the {@code error} convention carries, or {@code null} when it has none: a
     * whole answer, or one command's entry in a {@code batch} answer's {@code result_error}.
     */
    PortalException errorIn(JsonNode object, int status, String method) {
        JsonNode error = object.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        String code = error.isValueNode() ? error.asText() : "";
        JsonNode description = object.get("error_description");
        String text = description == null || description.isNull() ? "" : description.asText();
        return new PortalException(PortalError.fromWireCode(code), code, redactor.scrub(text), status, method, null);
    }

    /** JSON that was fine up to where the bytes ran out: a body cut short, not a page of something else. */
    private static boolean endsEarly(JsonProcessingException e, byte[] body) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        return body.length > 0 && (body[0] == '{' || body[0] == '[') && e.getLocation() != null
                && e.getLocation().getByteOffset() >= body.length;
    }

    private static PortalException failure(PortalError error, String detail, int status, String method,
            Throwable cause) {
        return new PortalException(error, "", detail, status, method, cause);
    }

    private static OptionalLong optionalLong(JsonNode n) {
        if (n == null) {
            return OptionalLong.empty();
        }
        if (n.isIntegralNumber() || (n.isTextual() && n.asText().matches("[0-9]+"))) {
            return OptionalLong.of(n.asLong());
        }
        return OptionalLong.empty();
    }
}
