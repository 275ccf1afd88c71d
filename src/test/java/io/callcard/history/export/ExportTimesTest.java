package io.callcard.history.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExportTimesTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Moscow"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("Europe/Amsterdam"));

    @Test
    void writesWhatTheIsoFormatterWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // 1900 to 2100, every millisecond value and whole seconds alike; old zones had offsets with seconds
            long millis = -2_208_988_800_000L + (long) (random.nextDouble() * 6_311_390_400_000L);
            if (i % 4 == 0) {
                millis -= Math.floorMod(millis, 1000);
            }
            Instant at = Instant.ofEpochMilli(millis).plusNanos(random.nextInt(1_000_000));
            ZoneId zone = ZONES.get(i % ZONES.size());
            String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    at.truncatedTo(ChronoUnit.MILLIS).atZone(zone).toOffsetDateTime());
            assertEquals(expected, ExportTimes.format(at, zone), at + " in " + zone);
        }
    }

    @Test
    void examples() {
        Instant noon = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals("2026-12-01T15:00:00+03:00", ExportTimes.format(noon, ZoneId.of("Europe/Moscow")));
        assertEquals("2026-12-01T12:00:00.12Z", ExportTimes.format(noon.plusMillis(120), ZoneId.of("UTC")));
        assertEquals("2026-12-01T12:00:00.007Z", ExportTimes.format(noon.plusMillis(7), ZoneId.of("UTC")));
    }
}
