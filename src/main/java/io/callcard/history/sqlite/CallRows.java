package io.callcard.history.sqlite;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmRef;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * A {@link HistoryCall} as a row of {@code calls} and back. Instants are kept as epoch milliseconds (a call's times
 * come back at millisecond precision); enums by name, so the file reads the same to a person with the sqlite3 shell.
 */
final class CallRows {

    /** The columns a call is read from, in {@link #read} order, for a query over {@code calls c}. */
    static final String SELECTED = "c.call_key, c.call_id, c.direction, c.number, c.line_number, c.line_name,"
            + " c.entity_type, c.entity_id, c.bindings, c.activity_id, c.call_list, c.first_heard, c.connected_at,"
            + " c.ended_at, c.ring_seconds, c.talk_seconds, c.failed_code, c.failed_reason, c.outcome, c.cost,"
            + " c.cost_currency, c.record_url, c.sources";

    private static final String[] WRITTEN = {"id", "call_key", "call_id", "direction", "number", "line_number",
            "line_name", "entity_type", "entity_id", "crm_name", "crm_name_key", "bindings", "activity_id",
            "call_list", "first_heard", "connected_at", "ended_at", "ring_seconds", "talk_seconds", "failed_code",
            "failed_reason", "outcome", "cost", "cost_currency", "record_url", "sources", "search_numbers",
            "search_names"};

    static final String INSERT = "INSERT INTO calls (" + String.join(", ", WRITTEN) + ") VALUES ("
            + String.join(", ", Arrays.stream(WRITTEN).map(column -> "?").toList()) + ")";

    /** Every fact replaced, the id too (it follows the first-heard time); the key, last parameter, stays. */
    static final String UPDATE = "UPDATE calls SET " + String.join(", ",
            Arrays.stream(WRITTEN).filter(column -> !column.equals("call_key")).map(column -> column + " = ?")
                    .toList()) + " WHERE call_key = ?";

    private CallRows() {
    }

    /** Binds {@code call} with row id {@code id} and its search forms ({@link SearchForms}) to {@link #INSERT}. */
    static void bindInsert(PreparedStatement insert, long id, HistoryCall call, String numbers, String names)
            throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, call.key());
        bindFacts(insert, 3, call, numbers, names);
    }

    /** Binds {@code call} with row id {@code id} and its search forms to {@link #UPDATE}. */
    static void bindUpdate(PreparedStatement update, long id, HistoryCall call, String numbers, String names)
            throws SQLException {
        update.setLong(1, id);
        int next = bindFacts(update, 2, call, numbers, names);
        update.setString(next, call.key());
    }

    /** The call in the current row of a query selecting {@link #SELECTED}. */
    static HistoryCall read(ResultSet row) throws SQLException {
        String entityType = row.getString(7);
        long entityId = row.getLong(8);
        CrmRef entity = entityType == null ? null : CrmRef.of(entityType, entityId).orElse(null);
        return new HistoryCall(row.getString(1), row.getString(2), direction(row.getString(3)), row.getString(4),
                row.getString(5), row.getString(6), entity, StoredJson.bindings(row.getString(9)),
                nullableLong(row, 10), row.getInt(11) != 0, Instant.ofEpochMilli(row.getLong(12)),
                instant(row, 13), instant(row, 14), nullableInt(row, 15), nullableInt(row, 16), row.getString(17),
                row.getString(18), outcome(row.getString(19)), row.getString(20), row.getString(21),
                row.getString(22), StoredJson.sources(row.getString(23)));
    }

    private static int bindFacts(PreparedStatement statement, int first, HistoryCall call, String numbers,
                                 String names) throws SQLException {
        int i = first;
        statement.setString(i++, call.callId());
        statement.setString(i++, call.direction().name());
        statement.setString(i++, call.number());
        statement.setString(i++, call.lineNumber());
        statement.setString(i++, call.lineName());
        statement.setString(i++, call.entity() == null ? null : call.entity().type().name());
        setLong(statement, i++, call.entity() == null ? null : call.entity().id());
        String crmName = call.crmName();
        statement.setString(i++, crmName);
        statement.setString(i++, crmName == null ? "" : crmName.toLowerCase(Locale.ROOT));
        statement.setString(i++, StoredJson.bindings(call.bindings()));
        setLong(statement, i++, call.activityId());
        statement.setInt(i++, call.callListMode() ? 1 : 0);
        statement.setLong(i++, call.firstHeard().toEpochMilli());
        setLong(statement, i++, call.connectedAt() == null ? null : call.connectedAt().toEpochMilli());
        setLong(statement, i++, call.endedAt() == null ? null : call.endedAt().toEpochMilli());
        setLong(statement, i++, call.ringSeconds() == null ? null : call.ringSeconds().longValue());
        setLong(statement, i++, call.talkSeconds() == null ? null : call.talkSeconds().longValue());
        statement.setString(i++, call.failedCode());
        statement.setString(i++, call.failedReason());
        statement.setString(i++, call.outcome().name());
        statement.setString(i++, call.cost());
        statement.setString(i++, call.costCurrency());
        statement.setString(i++, call.recordUrl());
        statement.setString(i++, StoredJson.sources(call.sources()));
        statement.setString(i++, numbers);
        statement.setString(i++, names);
        return i;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Long millis = nullableLong(row, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** A direction or outcome a newer companion wrote (a file read read-only) reads as the least-saying value. */
    private static CallDirection direction(String name) {
        try {
            return CallDirection.valueOf(name);
        } catch (IllegalArgumentException newer) {
            return CallDirection.UNKNOWN;
        }
    }

    private static Outcome outcome(String name) {
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException newer) {
            return Outcome.IN_PROGRESS;
        }
    }
}
