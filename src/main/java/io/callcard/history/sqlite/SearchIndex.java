package io.callcard.history.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the search index ({@code calls_search}, FTS5 over {@code calls}' two search columns, SQLite-specific) in step
 * with one write transaction, in two statements at its end: the entries of changed calls as they were taken out, the
 * entries of new and changed calls put in. FTS5 flushes what it holds in memory at every statement that touches it,
 * so an index kept by a trigger (one touch per row) costs most of an insert; kept here, it costs a few percent.
 */
final class SearchIndex {

    private static final JsonFactory JSON = new JsonFactory();

    /** An entry in the index as it stands: what must be taken out to change it. */
    record Entry(long id, String numbers, String names) {
    }

    private final List<Entry> removed = new ArrayList<>();
    private final List<Long> added = new ArrayList<>();

    /** The call with row id {@code id} is new, or its entry (taken out before) must be put in again. */
    void add(long id) {
        added.add(id);
    }

    /** {@code entry} no longer describes its call. */
    void remove(Entry entry) {
        removed.add(entry);
    }

    /** Applies the changes, inside the transaction whose rows they describe. */
    void apply(Connection connection) throws SQLException {
        if (!removed.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("INSERT INTO calls_search (calls_search,"
                    + " rowid, search_numbers, search_names) SELECT 'delete', json_extract(value, '$[0]'),"
                    + " json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?)")) {
                delete.setString(1, json(generator -> {
                    for (Entry entry : removed) {
                        generator.writeStartArray();
                        generator.writeNumber(entry.id());
                        generator.writeString(entry.numbers());
                        generator.writeString(entry.names());
                        generator.writeEndArray();
                    }
                }));
                delete.executeUpdate();
            }
        }
        if (!added.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calls_search (rowid,"
                    + " search_numbers, search_names) SELECT id, search_numbers, search_names FROM calls"
                    + " WHERE id IN (SELECT value FROM json_each(?))")) {
                insert.setString(1, json(generator -> {
                    for (long id : added) {
                        generator.writeNumber(id);
                    }
                }));
                insert.executeUpdate();
            }
        }
    }

    private interface Items {
        void write(JsonGenerator generator) throws IOException;
    }

    private static String json(Items items) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.writeStartArray();
            items.write(generator);
            generator.writeEndArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return text.toString();
    }
}
