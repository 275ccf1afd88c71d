package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code time} block of a REST answer. Which fields appear varies by method and portal version, so each is
 * optional; a field of the wrong type reads as absent rather than failing the call.
 */
public record PortalTime(OptionalDouble start, OptionalDouble finish, OptionalDouble duration,
        OptionalDouble processing, Optional<OffsetDateTime> dateStart, Optional<OffsetDateTime> dateFinish,
        OptionalDouble operatingResetAt, OptionalDouble operating) {

    /** No {@code time} block at all. */
    public static final PortalTime NONE = new PortalTime(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
            OptionalDouble.empty(), OptionalDouble.empty());

    static PortalTime from(JsonNode time) {
        if (time == null || !time.isObject()) {
            return NONE;
        }
        return new PortalTime(number(time, "start"), number(time, "finish"), number(time, "duration"),
                number(time, "processing"), date(time, "date_start"), date(time, "date_finish"),
                number(time, "operating_reset_at"), number(time, "operating"));
    }

    private static OptionalDouble number(JsonNode time, String field) {
        JsonNode n = time.get(field);
        return n != null && n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }

    private static Optional<OffsetDateTime> date(JsonNode time, String field) {
        JsonNode n = time.get(field);
        if (n == null || !n.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(n.asText()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
