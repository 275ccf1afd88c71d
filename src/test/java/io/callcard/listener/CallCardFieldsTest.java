package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CardCallState;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallCardFieldsTest {

    private static final String MINIMAL = "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"connecting\"}";

    @Test
    void getStatusResultFromTheDocumentationNormalisesEveryField() {
        CallCardStatus status = CallCardFields.status(BitrixExamples.json("jsif_getstatus_result.jsonc"));

        assertEquals("E45D40253D1C2D2F.1774588815.822533", status.callId());
        assertEquals(CallerNumber.of("+19999999666"), status.phone());
        assertTrue(status.phone().isKnown());
        assertEquals("reg151083", status.lineNumber());
        assertEquals("", status.lineName());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 797), status.entity());
        assertEquals(12043L, status.activityId());
        assertEquals(List.of(new CrmRef(CrmEntityType.DEAL, 4615), new CrmRef(CrmEntityType.COMPANY, 643)),
                status.bindings());
        assertEquals(CallDirection.OUTGOING, status.direction());
        assertEquals(CardCallState.IDLE, status.state());
        assertFalse(status.callListMode());
    }

    @Test
    void placementOptionsWhereEveryValueIsAStringNormaliseToTheSameKinds() {
        CallCardStatus status = CallCardFields.status(BitrixExamples.placementOptions());

        assertEquals("externalCall.c3ee67f1a63f6e6117c230ab59cc49ea.1723556778", status.callId());
        assertEquals(new CallerNumber(CallerNumber.Kind.KNOWN, "+4930123456"), status.phone());
        assertEquals("+49 30 000-00-00", status.lineNumber());
        assertEquals("+49 30 000-00-00", status.lineName());
        assertEquals(new CrmRef(CrmEntityType.COMPANY, 17), status.entity());
        assertNull(status.activityId(), "\"undefined\" means no activity");
        assertEquals(List.of(new CrmRef(CrmEntityType.DEAL, 25), new CrmRef(CrmEntityType.COMPANY, 17)),
                status.bindings());
        assertEquals(CallDirection.INCOMING, status.direction());
        assertEquals(CardCallState.CONNECTED, status.state());
        assertFalse(status.callListMode(), "\"false\" is false");
    }

    @Test
    void minimalStatusFillsTheNeutralValues() {
        CallCardStatus status = CallCardFields.status(json(MINIMAL));

        assertEquals(CallerNumber.UNKNOWN, status.phone());
        assertNull(status.entity());
        assertEquals(List.of(), status.bindings());
        assertNull(status.activityId());
        assertEquals(CallDirection.UNKNOWN, status.direction());
        assertEquals(CardCallState.CONNECTING, status.state());
        assertFalse(status.callListMode());
    }

    @Test
    void hiddenNumberIsKeptApartFromUnknown() {
        assertEquals(CallerNumber.HIDDEN, CallCardFields.status(with("PHONE_NUMBER", "\"hidden\"")).phone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"0\"", "\"\"", "null"})
    void entityIdZeroOrEmptyMeansNotLinked(String id) {
        ObjectNode node = with("CRM_ENTITY_ID", id);
        node.put("CRM_ENTITY_TYPE", "CONTACT");
        assertNull(CallCardFields.status(node).entity());
    }

    @Test
    void emptyEntityTypeMeansNotLinkedEvenWithAnId() {
        ObjectNode node = with("CRM_ENTITY_ID", "5");
        node.put("CRM_ENTITY_TYPE", "");
        assertNull(CallCardFields.status(node).entity());
    }

    @Test
    void entityIdAsNumericStringIsAccepted() {
        ObjectNode node = with("CRM_ENTITY_ID", "\" 42 \"");
        node.put("CRM_ENTITY_TYPE", "lead");
        assertEquals(new CrmRef(CrmEntityType.LEAD, 42), CallCardFields.status(node).entity());
    }

    @Test
    void badBindingEntriesAreSkippedAndGoodOnesKept() {
        CallCardStatus status = CallCardFields.status(with("CRM_BINDINGS", "["
                + "{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":\"x\"},"
                + "5,"
                + "{\"ENTITY_TYPE\":\"\",\"ENTITY_ID\":3},"
                + "{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":0},"
                + "{\"ENTITY_TYPE\":\"LEAD\",\"ENTITY_ID\":\"9\"},"
                + "{\"ENTITY_TYPE\":\"COMPANY\",\"ENTITY_ID\":11}]"));

        assertEquals(List.of(new CrmRef(CrmEntityType.LEAD, 9), new CrmRef(CrmEntityType.COMPANY, 11)),
                status.bindings());
    }

    @Test
    void bindingsThatAreNotAnArrayMeanNone() {
        assertEquals(List.of(), CallCardFields.status(with("CRM_BINDINGS", "\"\"")).bindings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "\"12\""})
    void activityIdAsIntOrNumericString(String id) {
        assertEquals(12L, CallCardFields.status(with("CRM_ACTIVITY_ID", id)).activityId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"undefined\"", "null", "0"})
    void activityIdWaysOfSayingNone(String id) {
        assertNull(CallCardFields.status(with("CRM_ACTIVITY_ID", id)).activityId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "\"true\"", "\"TRUE\""})
    void callListModeOn(String value) {
        assertTrue(CallCardFields.status(with("CALL_LIST_MODE", value)).callListMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "\"false\""})
    void callListModeOff(String value) {
        assertFalse(CallCardFields.status(with("CALL_LIST_MODE", value)).callListMode());
    }

    @Test
    void directionsInTheCardsSpelling() {
        assertEquals(CallDirection.INCOMING_TRANSFER,
                CallCardFields.status(with("CALL_DIRECTION", "\"incomingTransfer\"")).direction());
        assertEquals(CallDirection.CALLBACK, CallCardFields.status(with("CALL_DIRECTION", "\"callback\"")).direction());
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
    void invalidMessage(String body) {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> CallCardFields.status(json(body)));
        assertEquals(400, rejected.status());
        assertEquals(RequestRejected.INVALID_MESSAGE, rejected.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"CALL_ID\":\"c1\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":null}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"ringing\"}",
        "{\"CALL_ID\":\"c1\",\"CALL_STATE\":1}"
    })
    void missingOrUnknownStateIsInvalidStateNotIdle(String body) {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> CallCardFields.status(json(body)));
        assertEquals(400, rejected.status());
        assertEquals(RequestRejected.INVALID_STATE, rejected.code());
    }

    @Test
    void missingObjectIsInvalidMessage() {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> CallCardFields.status(null));
        assertEquals(RequestRejected.INVALID_MESSAGE, rejected.code());
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
