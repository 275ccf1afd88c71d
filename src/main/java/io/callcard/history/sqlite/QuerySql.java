package io.callcard.history.sqlite;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryQuery;
import io.callcard.history.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link HistoryQuery} as SQL over {@code calls c}: the FROM (joined to the search index when there is text to
 * find), the WHERE with its parameters, and the ORDER BY. Sorting by time with text to find walks the search index
 * newest first, so the first page costs the page, not the matches.
 *
 * @param from       the FROM clause
 * @param where      the WHERE clause with a leading {@code " WHERE"}, or {@code ""}
 * @param parameters the WHERE's parameters in order
 * @param orderBy    the ORDER BY clause with a leading {@code " ORDER BY"}
 */
record QuerySql(String from, String where, List<Object> parameters, String orderBy) {

    private static final String PLAIN = " FROM calls c";
    private static final String SEARCHED = " FROM calls_search s CROSS JOIN calls c ON c.id = s.rowid";

    QuerySql {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    static QuerySql of(HistoryQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        boolean searched = false;
        if (!query.text().isEmpty()) {
            SearchForms.Fragment fragment = SearchForms.fragment(query.text());
            if (fragment.indexable()) {
                searched = true;
                conditions.add("calls_search MATCH ?");
                parameters.add(fragment.matchExpression());
            } else if (!fragment.text().isEmpty()) {
                conditions.add("c." + fragment.column() + " LIKE ? ESCAPE '\\'");
                parameters.add(fragment.likePattern());
            }
        }
        if (query.from() != null) {
            conditions.add("c.id >= ?");
            parameters.add(RowIds.first(query.from()));
        }
        if (query.to() != null) {
            conditions.add("c.id < ?");
            parameters.add(RowIds.first(query.to()));
        }
        if (!query.directions().isEmpty()) {
            conditions.add("c.direction IN (" + marks(query.directions().size()) + ")");
            query.directions().stream().map(CallDirection::name).sorted().forEach(parameters::add);
        }
        if (!query.outcomes().isEmpty()) {
            conditions.add("c.outcome IN (" + marks(query.outcomes().size()) + ")");
            query.outcomes().stream().map(Outcome::name).sorted().forEach(parameters::add);
        }
        if (query.linked() != null) {
            conditions.add(query.linked() ? "c.entity_type IS NOT NULL" : "c.entity_type IS NULL");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new QuerySql(searched ? SEARCHED : PLAIN, where, parameters, orderBy(query, searched));
    }

    /** The query's calls, one page. */
    String page() {
        return "SELECT " + CallRows.SELECTED + from + where + orderBy + " LIMIT ? OFFSET ?";
    }

    /** The query's calls, all of them in order. */
    String all() {
        return "SELECT " + CallRows.SELECTED + from + where + orderBy;
    }

    String count() {
        return "SELECT count(*)" + from + where;
    }

    private static String orderBy(HistoryQuery query, boolean searched) {
        String way = query.descending() ? " DESC" : " ASC";
        // ties (and time itself) go by row id, which is time order: paging is stable
        String byTime = (searched ? "s.rowid" : "c.id") + way;
        String column = switch (query.sort()) {
            case TIME -> null;
            case DIRECTION -> "c.direction";
            case NUMBER -> "c.number";
            case CRM_NAME -> "c.crm_name_key";
            case OUTCOME -> "c.outcome";
            case TALK_TIME -> "c.talk_seconds";
        };
        return column == null ? " ORDER BY " + byTime : " ORDER BY " + column + way + ", " + byTime;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
