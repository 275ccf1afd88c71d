package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void aRepeatedKeyOrTextAfterTheValueRefusesTheDocument() {
        assertThrows(JsonProcessingException.class, () -> StrictJson.MAPPER.readTree("{\"a\":1,\"a\":2}"));
        assertThrows(JsonProcessingException.class, () -> StrictJson.MAPPER.readTree("{\"a\":1} {\"a\":2}"));
    }

    @Test
    void aWellFormedDocumentReadsAsUsual() throws Exception {
        assertEquals(2, StrictJson.MAPPER.readTree("{\"a\":1,\"b\":{\"a\":2}}").at("/b/a").asInt());
    }
}
