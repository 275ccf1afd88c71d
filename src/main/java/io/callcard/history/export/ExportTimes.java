package io.callcard.history.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A call's times as ISO-8601 with the offset of the zone asked for ({@code 2026-12-01T15:00:00+03:00}, milliseconds
 * when there are any), exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes them, written by hand:
 * three times per exported row, the formatter's general machinery was a fifth of a CSV export's time.
 */
final class ExportTimes {

    private ExportTimes() {
    }

    static String format(Instant at, ZoneId zone) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        ZoneOffset offset = zone.getRules().getOffset(millis);
        LocalDateTime local = LocalDateTime.ofEpochSecond(millis.getEpochSecond(), millis.getNano(), offset);
        int year = local.getYear();
        if (year < 1000 || year > 9999) {
            // outside four digits the formatter's sign and padding rules apply: leave them to it
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(millis.atOffset(offset));
        }
        StringBuilder text = new StringBuilder(29);
        text.append(year).append('-');
        two(text, local.getMonthValue()).append('-');
        two(text, local.getDayOfMonth()).append('T');
        two(text, local.getHour()).append(':');
        two(text, local.getMinute()).append(':');
        two(text, local.getSecond());
        int milli = local.getNano() / 1_000_000;
        if (milli != 0) {
            // the formatter writes the fraction with as few digits as it needs
            text.append('.').append((char) ('0' + milli / 100));
            if (milli % 100 != 0) {
                text.append((char) ('0' + milli / 10 % 10));
                if (milli % 10 != 0) {
                    text.append((char) ('0' + milli % 10));
                }
            }
        }
        return text.append(offset.getId()).toString(); // "Z", "+03:00", "+05:45", "-03:30"
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
