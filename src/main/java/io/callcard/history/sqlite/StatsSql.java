package io.callcard.history.sqlite;

import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics of a query, counted by the database (GROUP BY over the query's calls, local days and hours from
 * {@link LocalTimeSql}); only the few grouped rows come back.
 */
final class StatsSql {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;

    private StatsSql() {
    }

    static HistoryStats of(Connection connection, HistoryQuery query, ZoneId zone) throws SQLException {
        QuerySql sql = QuerySql.of(query);
        long[] span = span(connection, sql);
        if (span == null) {
            return new HistoryStats(List.of(), Collections.nCopies(24, 0L), 0, 0, null);
        }
        String local = LocalTimeSql.localMillis(zone, Instant.ofEpochMilli(span[0]), Instant.ofEpochMilli(span[1]));
        Map<LocalDate, Map<Outcome, Long>> days = new TreeMap<>();
        try (PreparedStatement statement = prepared(connection, "SELECT " + local + " / " + DAY
                + " AS local_day, c.outcome, count(*)" + sql.from() + sql.where() + " GROUP BY local_day, c.outcome",
                sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                days.computeIfAbsent(LocalDate.ofEpochDay(rows.getLong(1)), day -> new EnumMap<>(Outcome.class))
                        .merge(outcome(rows.getString(2)), rows.getLong(3), Long::sum);
            }
        }
        List<HistoryStats.DayCounts> perDay = new ArrayList<>();
        days.forEach((day, counts) -> perDay.add(new HistoryStats.DayCounts(day, counts)));
        List<Long> perHour = new ArrayList<>(Collections.nCopies(24, 0L));
        try (PreparedStatement statement = prepared(connection, "SELECT (" + local + " % " + DAY + ") / " + HOUR
                + " AS local_hour, count(*)" + sql.from() + sql.where() + " GROUP BY local_hour", sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                perHour.set((int) Math.floorMod(rows.getLong(1), 24L), rows.getLong(2));
            }
        }
        try (PreparedStatement statement = prepared(connection, "SELECT count(*),"
                + " sum(CASE WHEN c.outcome = 'ANSWERED' THEN 1 ELSE 0 END),"
                + " avg(CASE WHEN c.outcome = 'ANSWERED' THEN c.talk_seconds END)" + sql.from() + sql.where(), sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            long total = row.getLong(1);
            long answered = row.getLong(2);
            double average = row.getDouble(3);
            Duration averageTalk = row.wasNull() ? null : Duration.ofMillis(Math.round(average * 1000));
            return new HistoryStats(perDay, perHour, total, answered, averageTalk);
        }
    }

    /** The first and last first-heard milliseconds of the query's calls (by row id: cheap), or null for none. */
    private static long[] span(Connection connection, QuerySql sql) throws SQLException {
        try (PreparedStatement statement = prepared(connection, "SELECT min(c.id), max(c.id)"
                + sql.from() + sql.where(), sql); ResultSet row = statement.executeQuery()) {
            long first = row.next() ? row.getLong(1) : 0;
            if (row.wasNull()) {
                return null;
            }
            return new long[] {RowIds.millisecondOf(first), RowIds.millisecondOf(row.getLong(2))};
        }
    }

    private static PreparedStatement prepared(Connection connection, String text, QuerySql sql)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text);
        Parameters.bind(statement, sql.parameters(), 1);
        return statement;
    }

    private static Outcome outcome(String name) {
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException newer) {
            return Outcome.IN_PROGRESS;
        }
    }
}
