package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seeded history's made-up calls: reproducible, in order, in the period, and shaped like an agent's days. */
class SeededCallsTest {

    private static final Instant UNTIL = Instant.parse("2026-12-04T15:30:00Z");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static List<SeededCall> calls(long seed, int days, int count) {
        List<SeededCall> calls = new ArrayList<>();
        new SeededCalls(seed, days, UNTIL, MOSCOW).generate(count, calls::add);
        return calls;
    }

    @Test
    void theSameSeedMakesTheSameCallsAndAnotherSeedOthers() {
        assertEquals(calls(7, 10, 500), calls(7, 10, 500));
        assertNotEquals(calls(7, 10, 500), calls(8, 10, 500));
    }

    @Test
    void callsComeOldestFirstWithinThePeriodNumberedInOrder() {
        List<SeededCall> calls = calls(1, 10, 5_000);
        Instant periodStart = UNTIL.atZone(MOSCOW).toLocalDate().minusDays(9).atStartOfDay(MOSCOW).toInstant();
        for (int i = 0; i < calls.size(); i++) {
            SeededCall call = calls.get(i);
            assertEquals(i, call.index());
            assertTrue(!call.startedAt().isBefore(periodStart) && !call.startedAt().isAfter(UNTIL), call.toString());
            if (i > 0) {
                assertTrue(!call.startedAt().isBefore(calls.get(i - 1).startedAt()), "in time order at " + i);
            }
        }
    }

    @Test
    void theCallsLookLikeAnAgentsDays() {
        List<SeededCall> calls = calls(3, 30, 20_000);
        long incoming = calls.stream().filter(c -> c.direction() == CallDirection.INCOMING).count();
        long answered = calls.stream().filter(SeededCall::answered).count();
        long workingHours = calls.stream().filter(c -> {
            int hour = c.startedAt().atZone(MOSCOW).getHour();
            return hour >= 8 && hour < 19;
        }).count();
        long linked = calls.stream().filter(c -> c.entity() != null).count();
        long withheld = calls.stream().filter(c -> c.number().isEmpty()).count();
        Set<String> cyrillicNames = new HashSet<>();
        calls.stream().flatMap(c -> c.bindings().stream()).map(SeededCall.Link::name)
                .filter(n -> n.matches(".*[А-Яа-я].*")).forEach(cyrillicNames::add);

        assertTrue(incoming > 9_000 && incoming < 13_000, "about 55 % incoming: " + incoming);
        assertTrue(answered > 11_000 && answered < 15_000, "about two in three answered: " + answered);
        assertTrue(workingHours > 17_000, "most calls in working hours: " + workingHours);
        assertTrue(linked > 14_000 && linked < 19_000, "most calls linked to the CRM: " + linked);
        assertTrue(withheld > 200 && withheld < 700, "a few withheld numbers: " + withheld);
        assertTrue(cyrillicNames.size() > 20, "Russian names among them: " + cyrillicNames.size());
        for (SeededCall call : calls) {
            assertEquals(call.answered(), "200".equals(call.failedCode()), call.toString());
            assertEquals(call.answered(), call.connectedAt() != null);
            assertTrue(call.number().isEmpty() || call.number().matches("\\+\\d{10,12}"), call.number());
            if (call.entity() != null) {
                assertEquals(call.entity(), call.bindings().get(0).ref(), "the entity comes first in the bindings");
            }
        }
    }

    @Test
    void aCallIdIsHandedOutAgainOnlyToTheNextCallWithinThirtyMinutes() {
        List<SeededCall> calls = calls(5, 2, 20_000);
        int reused = 0;
        for (int i = 1; i < calls.size(); i++) {
            if (calls.get(i).callId().equals(calls.get(i - 1).callId())) {
                reused++;
                assertTrue(Duration.between(calls.get(i - 1).startedAt(), calls.get(i).startedAt())
                        .compareTo(Duration.ofMinutes(30)) < 0);
            }
        }
        long distinct = calls.stream().map(SeededCall::callId).distinct().count();
        assertTrue(reused > 10, "Bitrix24 reuses ids now and then: " + reused);
        assertEquals(calls.size() - reused, distinct, "no id reused beyond the next call");
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SeededCalls(1, 0, UNTIL, MOSCOW));
        assertThrows(IllegalArgumentException.class,
                () -> new SeededCalls(1, 3, UNTIL, MOSCOW).generate(-1, call -> { }));
    }
}
