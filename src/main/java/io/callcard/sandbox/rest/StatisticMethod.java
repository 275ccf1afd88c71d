package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code voximplant.statistic.get {FILTER, SORT, ORDER, start}} over the call history (generated, then the played calls
 * already written), 50 per page. {@code FILTER {CALL_ID}} finds one call.
 * FILTER keys carry Bitrix24's operator prefixes ({@code >=CALL_START_DATE}, {@code <CALL_START_DATE}, {@code >},
 * {@code <=}, {@code !} or none for equality; a list means any of its items); dates compare as instants (a date without an offset is read in the
 * portal's zone), {@code ID} and durations as numbers, everything else as text. Unknown fields match nothing, as a
 * SQL filter on a missing column would fail to match.
 */
final class StatisticMethod implements RestMethod {

    private final SandboxCallHistory history;
    private final ZoneOffset portalZone;
    private final Clock clock;

    StatisticMethod(SandboxCallHistory history, ZoneOffset portalZone, Clock clock) {
        this.history = history;
        this.portalZone = portalZone;
        this.clock = clock;
    }

    @Override
    public RestResult call(RestCall call) {
        Predicate<Map<String, String>> filter = filter(call.param("FILTER"));
        List<Map<String, String>> matching = new ArrayList<>();
        for (Map<String, String> record : history.visibleAt(clock.instant())) {
            if (filter.test(record)) {
                matching.add(record);
            }
        }
        String sortField = call.text("SORT").isEmpty() ? "ID" : call.text("SORT").toUpperCase(Locale.ROOT);
        Comparator<Map<String, String>> order = Comparator.comparing(record -> record.get(sortField),
                Comparator.nullsFirst((a, b) -> compare(sortField, a, b)));
        if ("DESC".equalsIgnoreCase(call.text("ORDER"))) {
            order = order.reversed();
        }
        matching.sort(order);

        int start = Math.max(0, call.positiveInt("start"));
        ArrayNode page = Json.array();
        for (int i = start; i < matching.size() && i < start + PAGE_SIZE; i++) {
            page.add(Json.strings(matching.get(i)));
        }
        return RestResult.page(page, start, matching.size());
    }

    private Predicate<Map<String, String>> filter(JsonNode filter) {
        Predicate<Map<String, String>> all = record -> true;
        if (filter == null || !filter.isObject()) {
            return all;
        }
        for (Iterator<Map.Entry<String, JsonNode>> keys = filter.fields(); keys.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = keys.next();
            all = all.and(condition(entry.getKey(), entry.getValue()));
        }
        return all;
    }

    /** A list value matches any of its items, as Bitrix24's {@code IN} filter does. */
    private Predicate<Map<String, String>> condition(String key, JsonNode wanted) {
        if (!wanted.isArray()) {
            return condition(key, wanted.asText());
        }
        Predicate<Map<String, String>> any = record -> false;
        for (JsonNode item : wanted) {
            any = any.or(condition(key, item.asText()));
        }
        return any;
    }

    private Predicate<Map<String, String>> condition(String key, String wanted) {
        String operator = key.replaceFirst("^([<>!=]*).*$", "$1");
        String field = key.substring(operator.length()).toUpperCase(Locale.ROOT);
        return record -> {
            String actual = record.get(field);
            if (actual == null) {
                return "!".equals(operator) && !wanted.isEmpty();
            }
            int sign = Integer.signum(compare(field, actual, wanted));
            switch (operator) {
                case ">=": return sign >= 0;
                case ">": return sign > 0;
                case "<=": return sign <= 0;
                case "<": return sign < 0;
                case "!": case "!=": return sign != 0;
                default: return sign == 0;
            }
        };
    }

    private int compare(String field, String a, String b) {
        if (field.endsWith("_DATE")) {
            return instant(a).compareTo(instant(b));
        }
        if (a.matches("-?\\d{1,18}") && b.matches("-?\\d{1,18}")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    /** ISO date-times with or without an offset, or a bare date; anything unreadable sorts first. */
    private Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(portalZone);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(portalZone);
                } catch (DateTimeParseException notDate) {
                    return Instant.MIN;
                }
            }
        }
    }
}
