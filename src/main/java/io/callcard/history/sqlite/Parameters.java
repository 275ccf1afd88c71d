package io.callcard.history.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds a query's parameters (text and whole numbers only) to a statement. */
final class Parameters {

    private Parameters() {
    }

    /** Binds {@code values} from index {@code first}; returns the next free index. */
    static int bind(PreparedStatement statement, List<Object> values, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            if (value instanceof Long number) {
                statement.setLong(index++, number);
            } else {
                statement.setString(index++, (String) value);
            }
        }
        return index;
    }
}
