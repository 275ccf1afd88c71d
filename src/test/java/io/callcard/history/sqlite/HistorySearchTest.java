package io.callcard.history.sqlite;

import static io.callcard.history.sqlite.SqliteCallHistoryTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryQuery.SortColumn;
import io.callcard.history.HistoryWrite;
import io.callcard.history.HistoryWrite.SaveCall;
import io.callcard.history.Outcome;
import io.callcard.testing.Eventually;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search, filters, sorting and paging over a small history written once. */
class HistorySearchTest {

    @TempDir
    static Path folder;

    private static SqliteCallHistory history;

    private static final Instant T = TestCalls.NOON;

    @BeforeAll
    static void write() throws Exception {
        history = SqliteCallHistory.open(folder.resolve(SqliteCallHistory.FILE_NAME));
        List<HistoryWrite> calls = List.of(
                new SaveCall(TestCalls.answered("moscow", T, "+74951234567", 1, "Ivan Petrov", 30)),
                new SaveCall(TestCalls.answered("olga", T.plusSeconds(60), "+79161112233", 2, "Ольга Смирнова", 90)),
                new SaveCall(TestCalls.answered("muller", T.plusSeconds(120), "+4930123456", 3, "Jürgen Müller", 10)),
                new SaveCall(TestCalls.unlinked("ext", T.plusSeconds(180), "101", CallDirection.INCOMING,
                        Outcome.MISSED)),
                new SaveCall(TestCalls.unlinked("busy", T.plusSeconds(240), "+74957654321", CallDirection.OUTGOING,
                        Outcome.BUSY)),
                new SaveCall(TestCalls.unlinked("hidden", T.plusSeconds(300), "", CallDirection.INCOMING,
                        Outcome.MISSED)));
        Eventually.result(history.write(calls), "the calls");
    }

    @AfterAll
    static void close() {
        history.close();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
            // number fragments in any format: E.164 digits, national digits, with punctuation
            "4567            | moscow",
            "+7 495          | busy moscow",
            "8 (495)         | busy moscow",
            "8 (495) 123-45  | moscow",
            "74951234567     | moscow",
            "+7 916 111-22-33| olga",
            "030 123         | muller",
            "101             | ext",
            // fragments too short for the index are still found
            "33              | olga",
            "10              | ext",
            // names: any case, any part, Cyrillic too
            "ivan            | moscow",
            "PETROV          | moscow",
            "ivan petrov     | moscow",
            "ольга           | olga",
            "СМИРН           | olga",
            "müller          | muller",
            "ll              | muller",
            "nobody          | ''",
            "'\"quoted'      | ''",
    })
    void a_fragment_finds_its_calls_newest_first(String text, String expected) {
        List<String> wanted = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        HistoryQuery query = HistoryQuery.ALL.withText(text);
        assertEquals(wanted, keys(history.page(query, 0, 50)));
        assertEquals(wanted.size(), history.count(query));
    }

    @Test
    void filters_combine_with_each_other_and_with_search() {
        HistoryQuery missedIncoming = HistoryQuery.ALL.withDirections(Set.of(CallDirection.INCOMING))
                .withOutcomes(Set.of(Outcome.MISSED));
        assertEquals(List.of("hidden", "ext"), keys(history.page(missedIncoming, 0, 50)));
        assertEquals(List.of("muller", "olga", "moscow"),
                keys(history.page(HistoryQuery.ALL.withLinked(true), 0, 50)));
        assertEquals(List.of("hidden", "busy", "ext"),
                keys(history.page(HistoryQuery.ALL.withLinked(false), 0, 50)));
        assertEquals(List.of("muller", "olga"), keys(history.page(
                HistoryQuery.ALL.withRange(T.plusSeconds(60), T.plusSeconds(180)), 0, 50)));
        assertEquals(List.of("busy"), keys(history.page(HistoryQuery.ALL.withText("495")
                .withOutcomes(Set.of(Outcome.BUSY, Outcome.FAILED)), 0, 50)));
        assertEquals(1, history.count(HistoryQuery.ALL.withText("495").withLinked(true)));
    }

    @ParameterizedTest(name = "{0} descending={1}")
    @CsvSource({
            "TIME,      false, moscow olga muller ext busy hidden",
            "TIME,      true,  hidden busy ext muller olga moscow",
            "TALK_TIME, true,  olga moscow muller hidden busy ext",
            // numbers sort as the text they are: "" < "+49..." < "+7495..." < "+7916..." < "101"
            "NUMBER,    false, hidden muller moscow busy olga ext",
            "CRM_NAME,  false, ext busy hidden moscow muller olga",
            "OUTCOME,   false, moscow olga muller busy ext hidden",
            "DIRECTION, true,  busy hidden ext muller olga moscow",
    })
    void any_column_sorts_with_time_breaking_ties(SortColumn column, boolean descending, String expected) {
        HistoryQuery query = HistoryQuery.ALL.sortedBy(column, descending);
        assertEquals(List.of(expected.split(" ")), keys(history.page(query, 0, 50)));
        assertEquals(List.of(expected.split(" ")).subList(2, 4), keys(history.page(query, 2, 2)));
    }

    @Test
    void for_each_gives_calls_in_order_until_told_to_stop() {
        List<String> seen = new java.util.ArrayList<>();
        long given = history.forEach(HistoryQuery.ALL.sortedBy(SortColumn.TIME, false), call -> {
            seen.add(call.key());
            return seen.size() < 4;
        });
        assertEquals(4, given);
        assertEquals(List.of("moscow", "olga", "muller", "ext"), seen);
        assertEquals(6, history.forEach(HistoryQuery.ALL, call -> true));
    }
}
