package io.callcard.history.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * The history file's schema, as numbered migrations: migration {@code n} takes a file from {@code PRAGMA user_version}
 * {@code n - 1} to {@code n}. A migration once shipped is never edited; a change is a new one at the end. The rules
 * behind each column are in history.md (schema).
 *
 * <p>Portable SQL except where noted: the FTS5 search index (and {@link SearchIndex}, which keeps it) is SQLite's own; a store on
 * a database server would index the same two search columns its own way.
 */
final class Schema {

    /** An index of {@code calls} made by name: {@link #create} is idempotent, so a repair may run it again. */
    record Index(String name, String columns) {
        String create() {
            return "CREATE INDEX IF NOT EXISTS " + name + " ON calls (" + columns + ")";
        }

        String drop() {
            return "DROP INDEX IF EXISTS " + name;
        }
    }

    /**
     * The sort and filter indexes of {@code calls} (all but its key's): made by version 1, and the one list a bulk
     * load drops them from and makes them again from ({@link Upkeep#CALLS_INDEXES}). Nothing the writer looks up during
     * a load uses them (the key's own index, the row-id range, {@code timeline_by_call}). A migration that changes one
     * of them gives version 1 its own copy of this list first.
     */
    static final List<Index> CALLS_INDEXES = List.of(
            new Index("calls_by_call_id", "call_id"),
            new Index("calls_by_direction", "direction, id"),
            new Index("calls_by_number", "number, id"),
            new Index("calls_by_crm_name", "crm_name_key, id"),
            new Index("calls_by_outcome", "outcome, id"),
            // one outcome sorted by talk time (missed calls have none: a walk of the talk index would pass them all)
            new Index("calls_by_outcome_talk", "outcome, talk_seconds, id"),
            new Index("calls_by_talk", "talk_seconds, id"));

    /** Version 1: calls, their timelines, and the search index over number forms and names. */
    private static final List<String> V1 = version1(List.of("""
            CREATE TABLE calls (
              id            INTEGER PRIMARY KEY,
              call_key      TEXT    NOT NULL UNIQUE,
              call_id       TEXT,
              direction     TEXT    NOT NULL,
              number        TEXT    NOT NULL,
              line_number   TEXT    NOT NULL,
              line_name     TEXT    NOT NULL,
              entity_type   TEXT,
              entity_id     INTEGER,
              crm_name      TEXT,
              crm_name_key  TEXT,
              bindings      TEXT    NOT NULL,
              activity_id   INTEGER,
              call_list     INTEGER NOT NULL,
              first_heard   INTEGER NOT NULL,
              connected_at  INTEGER,
              ended_at      INTEGER,
              ring_seconds  INTEGER,
              talk_seconds  INTEGER,
              failed_code   TEXT,
              failed_reason TEXT    NOT NULL,
              outcome       TEXT    NOT NULL,
              cost          TEXT,
              cost_currency TEXT,
              record_url    TEXT,
              sources       TEXT    NOT NULL,
              search_numbers TEXT   NOT NULL,
              search_names  TEXT    NOT NULL
            )""",
            """
            CREATE TABLE timeline (
              call    INTEGER NOT NULL REFERENCES calls (id) ON UPDATE CASCADE ON DELETE CASCADE,
              at      INTEGER NOT NULL,
              source  TEXT    NOT NULL,
              kind    TEXT    NOT NULL,
              payload TEXT    NOT NULL
            )""",
            "CREATE INDEX timeline_by_call ON timeline (call, at)",
            // SQLite-specific: FTS5 with the trigram tokenizer finds any fragment of 3+ characters, case-folded;
            // kept by the writer once per transaction (SearchIndex), not by triggers: a trigger would touch the
            // index in every row's statement, and FTS5 flushes its pending entries at each one (measured: an insert
            // cost 120 us of CPU so, 43 us with the index kept once per transaction)
            """
            CREATE VIRTUAL TABLE calls_search USING fts5 (
              search_numbers, search_names, content = 'calls', content_rowid = 'id', tokenize = 'trigram')"""));

    /**
     * Version 2: the work the file is owed ({@link Upkeep}), such as the search index's rebuild after a bulk load, kept
     * in the file so that a crash half-way cannot lose it.
     */
    private static final List<String> V2 = List.of("CREATE TABLE upkeep (task TEXT PRIMARY KEY)");

    /** Every migration in order: index 0 makes version 1. */
    static final List<List<String>> MIGRATIONS = List.of(V1, V2);

    /** The version this companion writes. */
    static final int LATEST = MIGRATIONS.size();

    private Schema() {
    }

    /** Version 1's statements: the calls table, its indexes, then the rest. */
    private static List<String> version1(List<String> statements) {
        List<String> all = new ArrayList<>(statements.subList(0, 1));
        CALLS_INDEXES.forEach(index -> all.add(index.create()));
        all.addAll(statements.subList(1, statements.size()));
        return List.copyOf(all);
    }
}
