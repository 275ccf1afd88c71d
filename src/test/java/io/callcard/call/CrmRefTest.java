package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrmRefTest {

    @ParameterizedTest(name = "type [{0}], id {1} is no link")
    @CsvSource(value = {
            "CONTACT, 0",
            "CONTACT, -1",
            "DEAL, -9223372036854775808",
            "'', 5",
            "'   ', 5",
            "NULL, 5",
            "INVOICE, 5",
            "CONTACTS, 5",
            "1, 5"}, nullValues = "NULL")
    void theWaysOfSayingNone(String type, long id) {
        assertEquals(Optional.empty(), CrmRef.of(type, id));
    }

    @ParameterizedTest(name = "type [{0}] -> {1}")
    @CsvSource({
            "LEAD, LEAD",
            "deal, DEAL",
            "contact, CONTACT",
            "' Company ', COMPANY"})
    void typesParseIgnoringCaseAndSpace(String type, CrmEntityType expected) {
        assertEquals(Optional.of(new CrmRef(expected, 17)), CrmRef.of(type, 17));
    }

    @Test
    void theConstructorRefusesWhatOfTreatsAsNone() {
        assertThrows(IllegalArgumentException.class, () -> new CrmRef(CrmEntityType.LEAD, 0));
        assertThrows(NullPointerException.class, () -> new CrmRef(null, 1));
    }

    @Test
    void entityTypeIdsAndPathsMatchTheRestApi() {
        assertEquals(1, CrmEntityType.LEAD.entityTypeId());
        assertEquals(2, CrmEntityType.DEAL.entityTypeId());
        assertEquals(3, CrmEntityType.CONTACT.entityTypeId());
        assertEquals(4, CrmEntityType.COMPANY.entityTypeId());
        assertEquals("company", CrmEntityType.COMPANY.pathSegment());
    }
}
