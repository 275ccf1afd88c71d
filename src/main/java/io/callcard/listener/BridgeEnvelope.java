package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bridge's delivery fields around a {@link BridgeMessageDecoder} message: {@code session} (the token the widget
 * page was given), {@code seq} (increasing per page, the same on a retry) and, on a {@code result}, the
 * {@code commandId} it answers.
 *
 * <p>The rule: a message with a {@code session} must carry an integer {@code seq} &gt;= 1; a seq not greater than the
 * last one applied for that session is acknowledged and not applied again. Reading leaves {@code session} null when
 * the message has none; {@link BridgeEventsRoute} refuses such a message (401 {@code session_required}): only a page
 * the portal opened, which always got a token, may speak for the call card.
 */
record BridgeEnvelope(String type, String session, Long seq, Long commandId) {

    /** The delivery fields of a message already parsed ({@link JsonBodies}): the body is read once. */
    static BridgeEnvelope of(JsonNode message) {
        if (!message.isObject()) {
            throw RequestRejected.invalidMessage("a bridge message must be a JSON object");
        }
        String type = message.path("type").isTextual() ? message.get("type").asText() : null;
        JsonNode session = message.get("session");
        if (session == null || session.isNull()) {
            return new BridgeEnvelope(type, null, optionalCount(message, "seq"), optionalCount(message, "commandId"));
        }
        if (!session.isTextual() || session.asText().isBlank()) {
            throw RequestRejected.invalidMessage("session must be a non-empty string");
        }
        Long seq = optionalCount(message, "seq");
        if (seq == null) {
            throw RequestRejected.invalidMessage("seq is required with a session");
        }
        return new BridgeEnvelope(type, session.asText(), seq, optionalCount(message, "commandId"));
    }

    /** An integer >= 1, or null when absent. */
    private static Long optionalCount(JsonNode message, String key) {
        JsonNode value = message.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw RequestRejected.invalidMessage(key + " must be an integer >= 1");
        }
        return value.longValue();
    }
}
