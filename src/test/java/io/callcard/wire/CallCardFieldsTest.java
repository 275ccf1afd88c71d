package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.testing.BitrixExamples;
import io.callcard.wire.CallCardFields.CrmItem;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one decoder of the call card's data object, over both channels' spellings of the same values. */
class CallCardFieldsTest {

    private static final String MINIMAL = "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"connecting\"}";

    @Test
    void getStatusResultFromTheDocumentationDecodesEveryField() {
        CallCardFields fields = CallCardFields.decode(BitrixExamples.json("jsif_getstatus_result.jsonc"));

        assertEquals("E45D40253D1C2D2F.1774588815.822533", fields.callId());
        assertEquals("+19999999666", fields.phoneNumber());
        assertEquals("reg151083", fields.lineNumber());
        assertEquals("", fields.lineName());
        assertEquals(new CrmItem("CONTACT", 797), fields.entity());
        assertEquals(12043L, fields.activityId());
        assertEquals(List.of(new CrmItem("DEAL", 4615), new CrmItem("COMPANY", 643)), fields.bindings());
        assertEquals("outgoing", fields.direction());
        assertEquals(CardCallState.IDLE, fields.state());
        assertFalse(fields.callListMode());
    }

    @Test
    void placementOptionsWhereEveryValueIsAStringDecodeToTheSameKinds() {
        CallCardFields fields = CallCardFields.decode(BitrixExamples.placementOptions());

        assertEquals("externalCall.c3ee67f1a63f6e6117c230ab59cc49ea.1723556778", fields.callId());
        assertEquals("+4930123456", fields.phoneNumber());
        assertEquals("+49 30 000-00-00", fields.lineNumber());
        assertEquals("+49 30 000-00-00", fields.lineName());
        assertEquals(new CrmItem("COMPANY", 17), fields.entity());
        assertNull(fields.activityId(), "\"undefined\" means no activity");
        assertEquals(List.of(new CrmItem("DEAL", 25), new CrmItem("COMPANY", 17)), fields.bindings());
        assertEquals("incoming", fields.direction());
        assertEquals(CardCallState.CONNECTED, fields.state());
        assertFalse(fields.callListMode(), "\"false\" is false");
    }

    @Test
    void minimalStatusLeavesEveryOptionalFieldEmpty() {
        CallCardFields fields = CallCardFields.decode(json(MINIMAL));

        assertNull(fields.phoneNumber());
        assertEquals("", fields.lineNumber());
        assertNull(fields.entity());
        assertEquals(List.of(), fields.bindings());
        assertNull(fields.activityId());
        assertNull(fields.direction());
        assertEquals(CardCallState.CONNECTING, fields.state());
        assertFalse(fields.callListMode());
    }

    @Test
    void callIdAndTextsAreTrimmedAndNumbersReadAsText() {
        CallCardFields fields = CallCardFields.decode(with("CALL_ID", "\" c1 \""));
        assertEquals("c1", fields.callId());
        assertEquals("74951234567", CallCardFields.decode(with("PHONE_NUMBER", "74951234567")).phoneNumber());
        assertEquals("hidden", CallCardFields.decode(with("PHONE_NUMBER", "\"hidden\"")).phoneNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"0\"", "\"\"", "null"})
    void entityIdZeroOrEmptyMeansNotLinked(String id) {
        ObjectNode node = with("CRM_ENTITY_ID", id);
        node.put("CRM_ENTITY_TYPE", "CONTACT");
        assertNull(CallCardFields.decode(node).entity());
    }

    @Test
    void emptyEntityTypeMeansNotLinkedEvenWithAnId() {
        ObjectNode node = with("CRM_ENTITY_ID", "5");
        node.put("CRM_ENTITY_TYPE", "");
        assertNull(CallCardFields.decode(node).entity());
    }

    @Test
    void entityIdAsNumericStringIsAccepted() {
        ObjectNode node = with("CRM_ENTITY_ID", "\" 42 \"");
        node.put("CRM_ENTITY_TYPE", "lead");
        assertEquals(new CrmItem("lead", 42), CallCardFields.decode(node).entity());
    }

    @Test
    void badBindingEntriesAreSkippedAndGoodOnesKept() {
        CallCardFields fields = CallCardFields.decode(with("CRM_BINDINGS", "["
                + "{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":\"x\"},"
                + "5,"
                + "{\"ENTITY_TYPE\":\"\",\"ENTITY_ID\":3},"
                + "{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":0},"
                + "{\"ENTITY_TYPE\":[],\"ENTITY_ID\":4},"
                + "{\"ENTITY_TYPE\":\"LEAD\",\"ENTITY_ID\":\"9\"},"
                + "{\"ENTITY_TYPE\":\"COMPANY\",\"ENTITY_ID\":11}]"));

        assertEquals(List.of(new CrmItem("LEAD", 9), new CrmItem("COMPANY", 11)), fields.bindings());
    }

    @Test
    void bindingsThatAreNotAnArrayMeanNone() {
        assertEquals(List.of(), CallCardFields.decode(with("CRM_BINDINGS", "\"\"")).bindings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "\"12\""})
    void activityIdAsIntOrNumericString(String id) {
        assertEquals(12L, CallCardFields.decode(with("CRM_ACTIVITY_ID", id)).activityId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"undefined\"", "\"null\"", "null", "0"})
    void activityIdWaysOfSayingNone(String id) {
        assertNull(CallCardFields.decode(with("CRM_ACTIVITY_ID", id)).activityId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "\"true\"", "\"TRUE\"", "\"Y\"", "1"})
    void callListModeOn(String value) {
        assertTrue(CallCardFields.decode(with("CALL_LIST_MODE", value)).callListMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "\"false\"", "\"N\"", "\"\"", "0"})
    void callListModeOff(String value) {
        assertFalse(CallCardFields.decode(with("CALL_LIST_MODE", value)).callListMode());
    }

    @Test
    void directionIsKeptInTheCardsSpelling() {
        assertEquals("incomingTransfer",
                CallCardFields.decode(with("CALL_DIRECTION", "\"incomingTransfer\"")).direction());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"CALL_STATE\":\"idle\"}",
        "{\"CALL_ID\":\"\",\"CALL_STATE\":\"idle\"}",
        "{\"CALL_ID\":\"  \",\"CALL_STATE\":\"idle\"}",
        "{\"CALL_ID\":{},\"CALL_STATE\":\"idle\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"idle\",\"CRM_ENTITY_ID\":\"abc\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"idle\",\"CRM_ENTITY_ID\":1.5}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"idle\",\"CRM_ACTIVITY_ID\":\"soon\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"idle\",\"CALL_LIST_MODE\":\"maybe\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"idle\",\"PHONE_NUMBER\":[\"+1\"]}",
        "[]",
        "\"CALL_ID\""
    })
    void aFieldOfATypeNoChannelSendsIsAnInvalidField(String body) {
        WireFormatException refused = assertThrows(WireFormatException.class, () -> CallCardFields.decode(json(body)));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refused.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"CALL_ID\":\"c1\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":null}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"ringing\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":1}"
    })
    void missingOrUnknownStateIsAnUnknownCallStateNotIdle(String body) {
        WireFormatException refused = assertThrows(WireFormatException.class, () -> CallCardFields.decode(json(body)));
        assertEquals(WireFormatException.Problem.UNKNOWN_CALL_STATE, refused.problem());
    }

    @Test
    void missingObjectIsAnInvalidField() {
        assertEquals(WireFormatException.Problem.INVALID_FIELD,
                assertThrows(WireFormatException.class, () -> CallCardFields.decode(null)).problem());
    }

    @Test
    void theCardsErrorAnswerMeansNoCardAndAnythingElseDoesNot() {
        assertTrue(CallCardFields.isErrorAnswer(
                json("[{\"result\":\"error\",\"errorCode\":\"Call card is undefined\"}]")));
        assertTrue(CallCardFields.isErrorAnswer(json("{\"result\":\"error\"}")));
        assertFalse(CallCardFields.isErrorAnswer(json("[]")));
        assertFalse(CallCardFields.isErrorAnswer(json(MINIMAL)));
        assertFalse(CallCardFields.isErrorAnswer(null));
    }

    private static ObjectNode with(String key, String jsonValue) {
        ObjectNode node = (ObjectNode) json(MINIMAL);
        node.set(key, json(jsonValue));
        return node;
    }

    private static JsonNode json(String text) {
        try {
            return BitrixExamples.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
