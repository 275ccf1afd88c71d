package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallEvent;
import io.callcard.wire.CardCallState;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.testing.BitrixExamples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BridgeMessageDecoderTest {

    private static final Instant RECEIVED = Instant.parse("2026-09-01T10:15:30Z");
    private static final JsonNode EVENTS = BitrixExamples.json("jsif_callcard_events.jsonc");

    private final BridgeMessageDecoder decoder = new BridgeMessageDecoder();

    @Test
    void documentedStateChangeBecomesStateChangedWithFailedCode() {
        CallEvent.StateChanged event = assertInstanceOf(CallEvent.StateChanged.class,
                decode(cardEvent("CallCard::CallStateChanged")));

        assertEquals(RECEIVED, event.at());
        assertEquals("X", event.callId());
        assertEquals(CardCallState.IDLE, event.state());
        assertEquals("486", event.failedCode());
    }

    /** What a widget in a real portal posts: the one argument Bitrix24's library handed it (protocol.md §2a). */
    @Test
    void theStateAloneAsARealPortalDeliversItBecomesStateChangedWithoutFailedCode() {
        CallEvent.StateChanged event = assertInstanceOf(CallEvent.StateChanged.class, decode("{\"type\":\"event\","
                + "\"callId\":\"X\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\"]}"));

        assertEquals("X", event.callId());
        assertEquals(CardCallState.IDLE, event.state());
        assertNull(event.failedCode());
    }

    @Test
    void beforeCloseAsOneEmptyArrayBecomesBeforeClose() {
        CallEvent.BeforeClose event = assertInstanceOf(CallEvent.BeforeClose.class, decode("{\"type\":\"event\","
                + "\"callId\":\"X\",\"event\":\"CallCard::BeforeClose\",\"args\":[[]]}"));

        assertEquals("X", event.callId());
    }

    @Test
    void entityChangeAsOneObjectBecomesEntityChanged() {
        CallEvent.EntityChanged event = assertInstanceOf(CallEvent.EntityChanged.class, decode("{\"type\":\"event\","
                + "\"callId\":\"X\",\"event\":\"CallCard::EntityChanged\",\"args\":[{\"PHONE_NUMBER\":"
                + "\"unknown\",\"CRM_ENTITY_TYPE\":\"DEAL\",\"CRM_ENTITY_ID\":7}]}"));

        assertEquals(CallerNumber.of("unknown"), event.phone());
        assertEquals(new CrmRef(CrmEntityType.DEAL, 7), event.entity());
    }

    @Test
    void documentedEntityChangeBecomesEntityChanged() {
        CallEvent.EntityChanged event = assertInstanceOf(CallEvent.EntityChanged.class,
                decode(cardEvent("CallCard::EntityChanged")));

        assertEquals(RECEIVED, event.at());
        assertEquals("X", event.callId());
        assertEquals(CallerNumber.of("+19001234567"), event.phone());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 123), event.entity());
    }

    @Test
    void documentedBeforeCloseBecomesBeforeClose() {
        CallEvent.BeforeClose event = assertInstanceOf(CallEvent.BeforeClose.class,
                decode(cardEvent("CallCard::BeforeClose")));

        assertEquals(RECEIVED, event.at());
        assertEquals("X", event.callId());
    }

    @Test
    void bitrix24sIdleArrivesAloneWithoutAFailedCode() {
        // protocol.md §2a: the portal forwards only an event's first argument
        CallEvent.StateChanged event = assertInstanceOf(CallEvent.StateChanged.class, decode(
                "{\"type\":\"event\",\"callId\":\"X\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\"]}"));
        assertEquals(CardCallState.IDLE, event.state());
        assertNull(event.failedCode());
        assertEquals("X", event.callId());
    }

    @Test
    void bitrix24sBeforeCloseArrivesWithOneEmptyArrayAndIsStillBeforeClose() {
        CallEvent.BeforeClose event = assertInstanceOf(CallEvent.BeforeClose.class, decode(
                "{\"type\":\"event\",\"callId\":\"X\",\"event\":\"CallCard::BeforeClose\",\"args\":[[]]}"));
        assertEquals("X", event.callId());
        assertEquals(RECEIVED, event.at());
    }

    @Test
    void documentedAutoCloseResultsBecomeAutoCloseChanged() {
        CallEvent.AutoCloseChanged held = assertInstanceOf(CallEvent.AutoCloseChanged.class,
                decode(result("disableAutoClose", EVENTS.get("disableAutoClose.result"))));
        CallEvent.AutoCloseChanged released = assertInstanceOf(CallEvent.AutoCloseChanged.class,
                decode(result("enableAutoClose", EVENTS.get("enableAutoClose.result"))));

        assertTrue(held.held());
        assertEquals(false, released.held());
        assertEquals("X", held.callId());
        assertEquals(RECEIVED, released.at());
    }

    @ParameterizedTest
    @ValueSource(strings = {"getStatus", "disableAutoClose", "enableAutoClose"})
    void documentedNoCallCardErrorMeansTheBridgeIsLost(String command) {
        CallEvent.BridgeLost event = assertInstanceOf(CallEvent.BridgeLost.class,
                decode(result(command, EVENTS.get("command_error_no_call_card"))));

        assertEquals("X", event.callId());
        assertEquals(RECEIVED, event.at());
    }

    @Test
    void getStatusResultBecomesStatusPolled() {
        CallEvent.StatusPolled event = assertInstanceOf(CallEvent.StatusPolled.class,
                decode(result("getStatus", BitrixExamples.json("jsif_getstatus_result.jsonc"))));

        assertEquals("E45D40253D1C2D2F.1774588815.822533", event.callId());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 797), event.status().entity());
        assertEquals(RECEIVED, event.at());
    }

    @Test
    void statusMessageTakesItsCallIdFromTheStatus() {
        ObjectNode message = message("status");
        message.put("callId", "something-else");
        message.set("status", BitrixExamples.json("jsif_getstatus_result.jsonc"));

        CallEvent.StatusPolled event = assertInstanceOf(CallEvent.StatusPolled.class, decode(message));

        assertEquals("E45D40253D1C2D2F.1774588815.822533", event.callId());
        assertEquals(CardCallState.IDLE, event.status().state());
    }

    @Test
    void closedBecomesBridgeLost() {
        ObjectNode message = message("closed");
        message.put("callId", "X");

        CallEvent.BridgeLost event = assertInstanceOf(CallEvent.BridgeLost.class, decode(message));

        assertEquals("X", event.callId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"closed\"}",
        "{\"type\":\"closed\",\"callId\":null}",
        "{\"type\":\"closed\",\"callId\":\"  \"}"
    })
    void missingCallIdMeansTheCurrentCall(String body) {
        assertNull(decode(body).callId());
    }

    @Test
    void failedCodeAsNumberIsKeptAsItsText() {
        CallEvent.StateChanged event = assertInstanceOf(CallEvent.StateChanged.class, decode(
                "{\"type\":\"event\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\",{\"failedCode\":486}]}"));
        assertEquals("486", event.failedCode());
    }

    @Test
    void failedCodeIsVerbatim() {
        CallEvent.StateChanged event = assertInstanceOf(CallEvent.StateChanged.class, decode(
                "{\"type\":\"event\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\",{\"failedCode\":\"603-S\"}]}"));
        assertEquals("603-S", event.failedCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"connected\"]", "[\"connected\",{}]", "[\"connected\",null]",
        "[\"CONNECTED\",{\"failedCode\":null}]"})
    void additionalParamsMayBeMissingOrEmpty(String args) {
        CallEvent.StateChanged event = assertInstanceOf(CallEvent.StateChanged.class, decode(
                "{\"type\":\"event\",\"event\":\"CallCard::CallStateChanged\",\"args\":" + args + "}"));
        assertEquals(CardCallState.CONNECTED, event.state());
        assertNull(event.failedCode());
        assertNull(event.callId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"PHONE_NUMBER\":\"unknown\"}", "{}",
        "{\"PHONE_NUMBER\":\"unknown\",\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":0}",
        "{\"CRM_ENTITY_TYPE\":\"CONTACT\",\"CRM_ENTITY_ID\":0}",
        "{\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":7}"})
    void entityChangedWithoutNumberOrEntity(String data) {
        CallEvent.EntityChanged event = assertInstanceOf(CallEvent.EntityChanged.class, decode(
                "{\"type\":\"event\",\"event\":\"CallCard::EntityChanged\",\"args\":[" + data + "]}"));
        assertEquals(CallerNumber.UNKNOWN, event.phone());
        assertNull(event.entity());
    }

    @Test
    void unknownKeysAndSeqAndSessionAreIgnored() {
        CallEvent.BeforeClose event = assertInstanceOf(CallEvent.BeforeClose.class, decode(
                "{\"type\":\"event\",\"event\":\"CallCard::BeforeClose\",\"args\":[],\"seq\":17,"
                        + "\"session\":\"abc\",\"future\":{\"x\":[1,2]}}"));
        assertNull(event.callId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "nul", "{\"type\":\"closed\"} {}", "{\"type\":\"closed\",}",
        "{\"type\":\"closed\",\"type\":\"closed\"}", "{'type':'closed'}"})
    void malformedJson(String body) {
        assertRejected(body, RequestRejected.MALFORMED_JSON);
    }

    @Test
    void invalidUtf8IsMalformedJson() {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> decoder.decode(body, RECEIVED));
        assertEquals(RequestRejected.MALFORMED_JSON, rejected.code());
    }

    @Test
    void nestingDeepEnoughToExhaustTheParserIsMalformedJson() {
        byte[] body = "[".repeat(60_000).getBytes(StandardCharsets.UTF_8);
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> decoder.decode(body, RECEIVED));
        assertEquals(RequestRejected.MALFORMED_JSON, rejected.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "42",
        "\"status\"",
        "null",
        "{}",
        "{\"type\":5}",
        "{\"type\":\"\"}",
        "{\"type\":\"closed\",\"callId\":7}",
        "{\"type\":\"status\"}",
        "{\"type\":\"status\",\"status\":[]}",
        "{\"type\":\"status\",\"status\":{\"CALL_STATE\":\"idle\"}}",
        "{\"type\":\"event\",\"args\":[]}",
        "{\"type\":\"event\",\"event\":\"CallCard::BeforeClose\"}",
        "{\"type\":\"event\",\"event\":\"CallCard::BeforeClose\",\"args\":{}}",
        "{\"type\":\"event\",\"event\":\"CallCard::EntityChanged\",\"args\":[]}",
        "{\"type\":\"event\",\"event\":\"CallCard::EntityChanged\",\"args\":[\"+1900\"]}",
        "{\"type\":\"event\",\"event\":\"CallCard::EntityChanged\",\"args\":[{\"CRM_ENTITY_ID\":\"x\"}]}",
        "{\"type\":\"event\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\",\"486\"]}",
        "{\"type\":\"event\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\",{\"failedCode\":true}]}",
        "{\"type\":\"result\",\"result\":[]}",
        "{\"type\":\"result\",\"command\":\"disableAutoClose\"}",
        "{\"type\":\"result\",\"command\":\"disableAutoClose\",\"result\":null}",
        "{\"type\":\"result\",\"command\":\"disableAutoClose\",\"result\":\"ok\"}",
        "{\"type\":\"result\",\"command\":\"getStatus\",\"result\":[]}",
        "{\"type\":\"result\",\"command\":\"getStatus\",\"result\":{\"CALL_STATE\":\"idle\"}}"
    })
    void invalidMessage(String body) {
        assertRejected(body, RequestRejected.INVALID_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\"}", "{\"type\":\"STATUS\"}"})
    void unknownType(String body) {
        assertRejected(body, RequestRejected.UNKNOWN_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CallCard::Nope", "callcard::beforeclose", "BeforeClose"})
    void unknownEvent(String name) {
        assertRejected("{\"type\":\"event\",\"event\":\"" + name + "\",\"args\":[]}", RequestRejected.UNKNOWN_EVENT);
    }

    @Test
    void unknownCommand() {
        assertRejected("{\"type\":\"result\",\"command\":\"makeCall\",\"result\":[]}", RequestRejected.UNKNOWN_COMMAND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[\"ringing\"]", "[5]", "[null]", "[{\"state\":\"idle\"}]"})
    void invalidState(String args) {
        assertRejected("{\"type\":\"event\",\"event\":\"CallCard::CallStateChanged\",\"args\":" + args + "}",
                RequestRejected.INVALID_STATE);
    }

    @Test
    void statusWithoutCallStateIsInvalidState() {
        assertRejected("{\"type\":\"status\",\"status\":{\"CALL_ID\":\"c1\"}}", RequestRejected.INVALID_STATE);
    }

    private void assertRejected(String body, String code) {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> decode(body));
        assertEquals(400, rejected.status());
        assertEquals(code, rejected.code());
    }

    private CallEvent decode(JsonNode message) {
        return decode(message.toString());
    }

    private CallEvent decode(String body) {
        return decoder.decode(body.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    /** A bridge message relaying one documented event with its documented callback arguments. */
    private static ObjectNode cardEvent(String name) {
        ObjectNode message = message("event");
        message.put("callId", "X");
        message.put("event", name);
        message.set("args", EVENTS.get(name));
        return message;
    }

    private static ObjectNode result(String command, JsonNode result) {
        ObjectNode message = message("result");
        message.put("callId", "X");
        message.put("command", command);
        message.set("result", result);
        return message;
    }

    private static ObjectNode message(String type) {
        ObjectNode message = BitrixExamples.MAPPER.createObjectNode();
        message.put("type", type);
        return message;
    }
}
