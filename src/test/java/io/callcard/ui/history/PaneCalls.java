package io.callcard.ui.history;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.history.TimelineEntry;
import io.callcard.history.sqlite.SqliteCallHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The pane's tests' calls, in a real SQLite history file: each fact given outright. */
final class PaneCalls {

    /** "Now" in the pane's tests: a Friday afternoon, UTC. */
    static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    private PaneCalls() {
    }

    /** An answered incoming call linked to contact {@code contactId} named {@code name}. */
    static HistoryCall answered(String key, Instant at, String number, long contactId, String name, int talk) {
        CrmRef contact = new CrmRef(CrmEntityType.CONTACT, contactId);
        return new HistoryCall(key, "call-" + key, CallDirection.INCOMING, number, "reg1", "Main line", contact,
                List.of(new HistoryBinding(contact, name)), 77L, false, at, at.plusSeconds(6),
                at.plusSeconds(6 + talk), 6, talk, "200", "", Outcome.ANSWERED, null, null, null,
                Map.of("talkSeconds", FactSource.SERVER_EVENTS));
    }

    /** An unlinked call of {@code direction} ended with {@code outcome}, no talk. */
    static HistoryCall unlinked(String key, Instant at, String number, CallDirection direction, Outcome outcome) {
        return new HistoryCall(key, "call-" + key, direction, number, "", "", null, List.of(), null, false, at, null,
                outcome == Outcome.IN_PROGRESS ? null : at.plusSeconds(20), 20, null,
                outcome == Outcome.BUSY ? "486" : null, outcome == Outcome.BUSY ? "Busy here" : null, outcome, null,
                null, null, Map.of());
    }

    /** Saves {@code calls}, each with a two-event timeline, and waits until they are on disk. */
    static SqliteCallHistory store(Path file, List<HistoryCall> calls) throws Exception {
        SqliteCallHistory history = SqliteCallHistory.open(file);
        write(history, calls);
        return history;
    }

    static void write(SqliteCallHistory history, List<HistoryCall> calls) throws Exception {
        List<HistoryWrite> writes = new ArrayList<>();
        for (HistoryCall call : calls) {
            writes.add(new HistoryWrite.SaveCall(call));
            writes.add(new HistoryWrite.AppendTimeline(call.key(), new TimelineEntry(call.firstHeard(),
                    FactSource.SERVER_EVENTS, "ServerCallStarted", "{\"CALL_ID\":\"" + call.callId() + "\"}")));
            if (call.endedAt() != null) {
                writes.add(new HistoryWrite.AppendTimeline(call.key(), new TimelineEntry(call.endedAt(),
                        FactSource.WIDGET, "ServerCallEnded", "{\"CALL_FAILED_CODE\":\"" + call.failedCode()
                        + "\"}")));
            }
        }
        history.write(writes).get(30, TimeUnit.SECONDS);
    }

    /** A day of varied calls, one every {@code everyMinutes} back from {@code last}: numbers, names, outcomes. */
    static List<HistoryCall> many(int count, Instant last, int everyMinutes) {
        String[] names = {"Иван Петров", "Anna Schmidt", "ООО «Ромашка»", "John Carter", "Мария Иванова"};
        Outcome[] others = {Outcome.MISSED, Outcome.BUSY, Outcome.FAILED, Outcome.DECLINED, Outcome.CANCELLED};
        List<HistoryCall> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = last.minusSeconds(60L * everyMinutes * i);
            String number = String.format("+7495%07d", 1_000_000 + i * 37 % 9_000_000);
            if (i % 3 == 0) {
                calls.add(unlinked("m" + i, at, number, i % 2 == 0 ? CallDirection.OUTGOING : CallDirection.INCOMING,
                        others[i / 3 % others.length]));
            } else {
                calls.add(answered("m" + i, at, number, 100 + i % names.length, names[i % names.length],
                        30 + i % 300));
            }
        }
        return calls;
    }
}
