package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.BitrixExamples;
import io.callcard.wire.CallCardFields;
import io.callcard.wire.CallCardFields.CrmItem;
import io.callcard.wire.CardCallState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The domain's reading of the card's decoded fields ({@link CallCardStatus#of}). */
class CallCardStatusTest {

    private static CallCardFields fields(String phone, CrmItem entity, List<CrmItem> bindings, String direction) {
        return new CallCardFields("c1", phone, "", "", entity, bindings, null, direction, CardCallState.CONNECTED,
                false);
    }

    @Test
    void getStatusResultFromTheDocumentationBecomesTheDomainsValues() {
        CallCardStatus status = CallCardStatus.of(
                CallCardFields.decode(BitrixExamples.json("jsif_getstatus_result.jsonc")));

        assertEquals("E45D40253D1C2D2F.1774588815.822533", status.callId());
        assertEquals(CallerNumber.of("+19999999666"), status.phone());
        assertTrue(status.phone().isKnown());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 797), status.entity());
        assertEquals(List.of(new CrmRef(CrmEntityType.DEAL, 4615), new CrmRef(CrmEntityType.COMPANY, 643)),
                status.bindings());
        assertEquals(12043L, status.activityId());
        assertEquals(CallDirection.OUTGOING, status.direction());
        assertEquals(CardCallState.IDLE, status.state());
        assertFalse(status.callListMode());
    }

    @Test
    void placementOptionsBecomeTheSameKindsOfValue() {
        CallCardStatus status = CallCardStatus.of(CallCardFields.decode(BitrixExamples.placementOptions()));

        assertEquals(new CallerNumber(CallerNumber.Kind.KNOWN, "+4930123456"), status.phone());
        assertEquals(new CrmRef(CrmEntityType.COMPANY, 17), status.entity());
        assertEquals(List.of(new CrmRef(CrmEntityType.DEAL, 25), new CrmRef(CrmEntityType.COMPANY, 17)),
                status.bindings());
        assertNull(status.activityId());
        assertEquals(CallDirection.INCOMING, status.direction());
    }

    @Test
    void hiddenNumberIsKeptApartFromUnknown() {
        assertEquals(CallerNumber.HIDDEN, CallCardStatus.of(fields("hidden", null, List.of(), null)).phone());
        assertEquals(CallerNumber.UNKNOWN, CallCardStatus.of(fields(null, null, List.of(), null)).phone());
    }

    @Test
    void directionsInTheCardsSpelling() {
        assertEquals(CallDirection.INCOMING_TRANSFER,
                CallCardStatus.of(fields(null, null, List.of(), "incomingTransfer")).direction());
        assertEquals(CallDirection.CALLBACK, CallCardStatus.of(fields(null, null, List.of(), "callback")).direction());
        assertEquals(CallDirection.UNKNOWN, CallCardStatus.of(fields(null, null, List.of(), null)).direction());
    }

    @Test
    void crmItemsOfATypeTheDomainDoesNotKnowAreLeftOut() {
        CallCardStatus status = CallCardStatus.of(fields(null, new CrmItem("QUOTE", 3),
                List.of(new CrmItem("QUOTE", 4), new CrmItem("lead", 9)), null));

        assertNull(status.entity());
        assertEquals(List.of(new CrmRef(CrmEntityType.LEAD, 9)), status.bindings());
    }
}
