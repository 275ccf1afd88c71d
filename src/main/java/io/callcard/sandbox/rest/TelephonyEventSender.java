package io.callcard.sandbox.rest;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * The public face of the sandbox's server-side telephony events, for callers outside this package (the scenario
 * player): the same {@link TelephonyEventPoster} and the same {@link TelephonyEvents} field layouts that
 * {@link SandboxRestServer#postTelephonyEvents} uses for its generated history, fed with a call record of the
 * {@code voximplant.statistic.get} shape.
 */
public final class TelephonyEventSender {

    public static final String CALL_INIT = TelephonyEvents.CALL_INIT;
    public static final String CALL_START = TelephonyEvents.CALL_START;
    public static final String CALL_END = TelephonyEvents.CALL_END;

    private final TelephonyEventPoster poster;

    /** {@code clock} gives each post's {@code ts}. */
    public TelephonyEventSender(SandboxApplication application, Clock clock) {
        this.poster = new TelephonyEventPoster(Objects.requireNonNull(application, "application"),
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Posts {@code event} for the call in {@code record} (keys as {@code voximplant.statistic.get} returns them);
     * answers the handler's HTTP status, or -1 when it could not be reached. Never throws for network trouble.
     */
    public int post(URI handler, String event, Map<String, String> record) {
        return poster.post(handler, event, data(event, record));
    }

    /** A date as the portal writes {@code CALL_START_DATE}: ISO 8601 to the second, with the offset. */
    public static String portalDate(OffsetDateTime at) {
        return SandboxCallHistory.BITRIX_DATE.format(at);
    }

    private static Map<String, String> data(String event, Map<String, String> record) {
        switch (event) {
            case TelephonyEvents.CALL_INIT:
                return TelephonyEvents.init(record);
            case TelephonyEvents.CALL_START:
                return TelephonyEvents.start(record);
            case TelephonyEvents.CALL_END:
                return TelephonyEvents.end(record);
            default:
                throw new IllegalArgumentException("not a telephony event: " + event);
        }
    }
}
