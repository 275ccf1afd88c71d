package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallerNumber;
import io.callcard.portal.PortalCallType;
import io.callcard.wire.JsonFields;
import io.callcard.wire.WireFormatException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one decoder for the events Bitrix24 posts to a handler (protocol.md §5), given as the tree
 * {@link EventPostBody} made of the form or JSON body: {@code event}, {@code data}, {@code ts}, {@code auth}. Checking
 * {@code auth} is {@link ApplicationTokenCheck}'s job, before this runs.
 *
 * <pre>
 * ONVOXIMPLANTCALLINIT  data: CALL_ID, CALL_TYPE, CALLER_ID, PHONE_NUMBER       -&gt; ServerCallStarted
 * ONVOXIMPLANTCALLSTART data: CALL_ID, USER_ID                                  -&gt; ServerCallAnswered
 * ONVOXIMPLANTCALLEND   data: CALL_ID, CALL_TYPE, PHONE_NUMBER, CALL_DURATION,
 *                             CALL_START_DATE, CALL_FAILED_CODE, CALL_FAILED_REASON, CRM_ACTIVITY_ID
 *                                                                               -&gt; ServerCallEnded
 * any other event                                                               -&gt; empty (the caller ignores it)
 * </pre>
 *
 * <ul>
 *   <li>CALL_TYPE as statistics use it ({@link PortalCallType}): 1 outgoing, 2 incoming, 3 incoming redirected,
 *       4 callback, 5 info call (outgoing); anything else is an unknown direction.</li>
 *   <li>The other party's number in INIT: CALLER_ID for incoming calls (PHONE_NUMBER is then the portal's number
 *       that was dialled), PHONE_NUMBER for outgoing ones (CALLER_ID is then the portal's line); unknown when
 *       CALL_TYPE is. In END, PHONE_NUMBER is always the other party.</li>
 *   <li>Lenient, normalised once here: values may be strings or numbers; an unreadable CALL_TYPE, CALL_DURATION,
 *       CALL_START_DATE or CRM_ACTIVITY_ID reads as absent, a blank CALL_FAILED_CODE as none; the code itself is
 *       kept verbatim ({@code "200"} is success).</li>
 *   <li>Strict only where guessing would mislead: {@code data} must be an object with a CALL_ID (else 400
 *       {@code invalid_message}), and a value must not be an object or list.</li>
 *   <li>The event time is when the listener received the post: {@code ts} comes from the portal's clock, in whole
 *       seconds, and would not order against the widget's messages.</li>
 * </ul>
 */
public final class BitrixEventDecoder {

    public static final String CALL_INIT = "ONVOXIMPLANTCALLINIT";
    public static final String CALL_START = "ONVOXIMPLANTCALLSTART";
    public static final String CALL_END = "ONVOXIMPLANTCALLEND";

    /** The event's name in upper case, as the portal spells it; 400 when there is none. */
    public static String eventName(JsonNode post) {
        String name = post.isObject() ? text(post, "event") : null;
        if (name == null || name.isBlank()) {
            throw RequestRejected.invalidMessage("event must be a non-empty string");
        }
        return name.trim().toUpperCase(Locale.ROOT);
    }

    /** The call event {@code post} stands for; empty for an event the companion does not follow. */
    public Optional<CallEvent> decode(JsonNode post, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        String name = eventName(post);
        if (!name.equals(CALL_INIT) && !name.equals(CALL_START) && !name.equals(CALL_END)) {
            return Optional.empty();
        }
        JsonNode data = post.get("data");
        if (data == null || !data.isObject()) {
            throw RequestRejected.invalidMessage("data must be an object");
        }
        String callId = text(data, "CALL_ID");
        if (callId == null || callId.isBlank()) {
            throw RequestRejected.invalidMessage("data[CALL_ID] is required");
        }
        switch (name) {
            case CALL_INIT:
                CallDirection direction = direction(data);
                return Optional.of(new CallEvent.ServerCallStarted(receivedAt, callId, direction,
                        otherPartyAtInit(data, direction)));
            case CALL_START:
                return Optional.of(new CallEvent.ServerCallAnswered(receivedAt, callId,
                        text(data, "USER_ID")));
            default:
                return Optional.of(new CallEvent.ServerCallEnded(receivedAt, callId, direction(data),
                        CallerNumber.of(text(data, "PHONE_NUMBER")),
                        Duration.ofSeconds(Math.max(0, lenientNumber(data, "CALL_DURATION").orElse(0))),
                        startDate(text(data, "CALL_START_DATE")),
                        text(data, "CALL_FAILED_CODE"),
                        text(data, "CALL_FAILED_REASON"),
                        activityId(data)));
        }
    }

    private static CallDirection direction(JsonNode data) {
        OptionalLong type = lenientNumber(data, "CALL_TYPE");
        return PortalCallType.of(type.isPresent() ? type.getAsLong() : null).direction();
    }

    private static CallerNumber otherPartyAtInit(JsonNode data, CallDirection direction) {
        switch (direction) {
            case INCOMING:
            case INCOMING_TRANSFER:
                return CallerNumber.of(text(data, "CALLER_ID"));
            case OUTGOING:
            case CALLBACK:
                return CallerNumber.of(text(data, "PHONE_NUMBER"));
            default:
                return CallerNumber.UNKNOWN; // either field might be our own line
        }
    }

    private static Long activityId(JsonNode data) {
        OptionalLong id = lenientNumber(data, "CRM_ACTIVITY_ID");
        return id.isPresent() && id.getAsLong() > 0 ? id.getAsLong() : null;
    }

    /** A whole number from a number or numeric string; absent for anything else, including "undefined". */
    private static OptionalLong lenientNumber(JsonNode data, String key) {
        try {
            Long number = JsonFields.number(data, key);
            return number == null ? OptionalLong.empty() : OptionalLong.of(number);
        } catch (WireFormatException notANumber) {
            if (data.get(key).isContainerNode()) {
                throw RequestRejected.of(notANumber); // a list or object where the portal sends text: not its post
            }
            return OptionalLong.empty();
        }
    }

    /** A text field; a list or object where the portal sends text is 400 {@code invalid_message}. */
    private static String text(JsonNode object, String key) {
        try {
            return JsonFields.text(object, key);
        } catch (WireFormatException refused) {
            throw RequestRejected.of(refused);
        }
    }

    /** ISO 8601 with offset, as the portal writes CALL_START_DATE; anything else reads as absent. */
    private static OffsetDateTime startDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
