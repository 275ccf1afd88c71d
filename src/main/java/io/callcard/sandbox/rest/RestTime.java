package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code time} block of every answer, with all eight fields of {@code examples/resp_success_with_time.jsonc}.
 * Wall-clock fields come from the injected clock (so a fake clock gives stable dates); durations are measured.
 */
final class RestTime {

    /** Bitrix24 resets the per-method operating budget over a 10-minute window (protocol.md §4). */
    private static final long OPERATING_WINDOW_SECONDS = 600;

    private final Clock clock;
    private final ZoneOffset portalZone;

    RestTime(Clock clock, ZoneOffset portalZone) {
        this.clock = clock;
        this.portalZone = portalZone;
    }

    /** A stopwatch started now; {@link Started#block()} renders the block when the work is done. */
    Started start() {
        return new Started(clock.instant(), System.nanoTime());
    }

    /** One request's start, by the wall clock and by nanoTime. */
    final class Started {
        private final Instant at;
        private final long nanos;

        private Started(Instant at, long nanos) {
            this.at = at;
            this.nanos = nanos;
        }

        ObjectNode block() {
            double took = (System.nanoTime() - nanos) / 1e9;
            double start = at.getEpochSecond() + at.getNano() / 1e9;
            Instant finish = at.plusNanos(System.nanoTime() - nanos);
            return Json.object()
                    .put("start", start)
                    .put("finish", start + took)
                    .put("duration", took)
                    .put("processing", took)
                    .put("date_start", SandboxCallHistory.BITRIX_DATE.format(OffsetDateTime.ofInstant(at, portalZone)))
                    .put("date_finish",
                            SandboxCallHistory.BITRIX_DATE.format(OffsetDateTime.ofInstant(finish, portalZone)))
                    .put("operating_reset_at", at.getEpochSecond() + OPERATING_WINDOW_SECONDS)
                    .put("operating", took);
        }
    }
}
