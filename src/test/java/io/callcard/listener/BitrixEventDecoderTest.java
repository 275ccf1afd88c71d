package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallerNumber;
import io.callcard.testing.BitrixExamples;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented event layouts (protocol.md §5, {@code examples/event_onvoximplantcallend.jsonc}) into call events. */
class BitrixEventDecoderTest {

    private static final Instant AT = Instant.parse("2026-03-11T14:33:44Z");
    private final BitrixEventDecoder decoder = new BitrixEventDecoder();

    @Test
    void theDocumentedEndEventBecomesServerCallEnded() {
        CallEvent.ServerCallEnded end = (CallEvent.ServerCallEnded) decoder
                .decode(BitrixExamples.json("event_onvoximplantcallend.jsonc"), AT).orElseThrow();

        assertEquals(AT, end.at());
        assertEquals("externalCall.7b0c7de811455ef32b18dc5917e4306a.1773239327", end.callId());
        assertEquals(CallDirection.OUTGOING, end.direction());
        assertEquals(CallerNumber.of("+499061234567"), end.phone());
        assertEquals(Duration.ZERO, end.talked());
        assertEquals(OffsetDateTime.parse("2026-03-11T17:28:46+03:00"), end.startedAt());
        assertEquals("304", end.failedCode());
        assertEquals("Call canceled", end.failedReason());
        assertEquals(7953L, end.activityId());
    }

    @Test
    void numbersAndLowerCaseNamesAreReadLeniently() throws Exception {
        CallEvent.ServerCallEnded end = (CallEvent.ServerCallEnded) decoder.decode(json("{\"event\":\"onVoximplantCallEnd\","
                + "\"data\":{\"CALL_ID\":\"c\",\"CALL_TYPE\":2,\"CALL_DURATION\":61,\"CALL_FAILED_CODE\":200,"
                + "\"CRM_ACTIVITY_ID\":\"undefined\",\"CALL_START_DATE\":\"yesterday\"}}"), AT).orElseThrow();

        assertEquals(CallDirection.INCOMING, end.direction());
        assertEquals(Duration.ofSeconds(61), end.talked());
        assertEquals("200", end.failedCode());
        assertNull(end.activityId());
        assertNull(end.startedAt(), "an unreadable date is absent, not a failure");
        assertEquals(CallerNumber.UNKNOWN, end.phone());
    }

    @ParameterizedTest
    @CsvSource({
        "1, OUTGOING, +4930555, the number dialled is PHONE_NUMBER",
        "2, INCOMING, +7495111, the caller is CALLER_ID",
        "3, INCOMING_TRANSFER, +7495111, a redirected call's caller is CALLER_ID",
        "4, CALLBACK, +4930555, a callback dials PHONE_NUMBER",
        "5, OUTGOING, +4930555, an info call dials PHONE_NUMBER",
        "9, UNKNOWN, unknown, an unknown type cannot tell which field is the other party",
        "x, UNKNOWN, unknown, an unreadable type is unknown"
    })
    void initMapsCallTypeToDirectionAndPicksTheOtherParty(String type, CallDirection direction, String phone,
            String why) throws Exception {
        CallEvent.ServerCallStarted init = (CallEvent.ServerCallStarted) decoder.decode(json("{\"event\":"
                + "\"ONVOXIMPLANTCALLINIT\",\"data\":{\"CALL_ID\":\"c1\",\"CALL_TYPE\":\"" + type + "\","
                + "\"CALLER_ID\":\"+7495111\",\"PHONE_NUMBER\":\"+4930555\"}}"), AT).orElseThrow();

        assertEquals("c1", init.callId());
        assertEquals(direction, init.direction(), why);
        assertEquals(CallerNumber.of(phone), init.phone(), why);
    }

    @Test
    void startNamesTheCallAndWhoAnswered() throws Exception {
        CallEvent.ServerCallAnswered start = (CallEvent.ServerCallAnswered) decoder.decode(json("{\"event\":"
                + "\"ONVOXIMPLANTCALLSTART\",\"data\":{\"CALL_ID\":\" c1 \",\"USER_ID\":\"1269\"}}"), AT).orElseThrow();

        assertEquals("c1", start.callId());
        assertEquals("1269", start.userId());
    }

    @Test
    void otherEventsAreNotFollowed() throws Exception {
        assertTrue(decoder.decode(json("{\"event\":\"ONCRMDEALUPDATE\",\"data\":{\"FIELDS\":{\"ID\":\"1\"}}}"), AT)
                .isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"data\":{\"CALL_ID\":\"c\"}}                                         | invalid_message",
        "{\"event\":\"\",\"data\":{\"CALL_ID\":\"c\"}}                          | invalid_message",
        "{\"event\":\"ONVOXIMPLANTCALLEND\"}                                     | invalid_message",
        "{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":\"c\"}                      | invalid_message",
        "{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_TYPE\":\"1\"}}      | invalid_message",
        "{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_ID\":\" \"}}        | invalid_message",
        "{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_ID\":[\"c\"]}}      | invalid_message",
        "{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_ID\":\"c\",\"CALL_DURATION\":{}}} | invalid_message"
    })
    void malformedPostsOfFollowedEventsAreRefused(String post, String code) throws Exception {
        assertEquals(code, assertThrows(RequestRejected.class, () -> decoder.decode(json(post), AT)).code());
    }

    private static ObjectNode json(String text) throws Exception {
        JsonNode node = BitrixExamples.MAPPER.readTree(text);
        return (ObjectNode) node;
    }
}
