package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.testing.BitrixExamples;
import org.junit.jupiter.api.Test;

/** PHP-style form keys as the portal posts them, into the tree PHP's {@code $_POST} would hold. */
class NestedFormDataTest {

    private static JsonNode json(String text) throws Exception {
        return BitrixExamples.MAPPER.readTree(text);
    }

    @Test
    void nestedKeysBecomeObjectsAndEveryLeafIsAString() throws Exception {
        assertEquals(json("{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_ID\":\"a.1\",\"CALL_TYPE\":\"1\"},"
                        + "\"auth\":{\"application_token\":\"t k\"}}"),
                NestedFormData.parse("event=ONVOXIMPLANTCALLEND&data%5BCALL_ID%5D=a.1&data[CALL_TYPE]=1"
                        + "&auth%5Bapplication_token%5D=t+k"));
    }

    @Test
    void indexedAndAppendedKeysBecomeArrays() throws Exception {
        assertEquals(json("{\"args\":[\"idle\",{\"failedCode\":\"486\"}],\"list\":[\"x\",\"y\"]}"),
                NestedFormData.parse("args[0]=idle&args[1][failedCode]=486&list[]=x&list[]=y"));
    }

    @Test
    void keysThatAreNotZeroToNStayAnObject() throws Exception {
        assertEquals(json("{\"args\":{\"1\":\"x\"}}"), NestedFormData.parse("args[1]=x"));
    }

    @Test
    void aLaterValueWinsAndAScalarInTheWayIsReplaced() throws Exception {
        assertEquals(json("{\"a\":{\"b\":\"2\"}}"), NestedFormData.parse("a=1&a[b]=1&a[b]=2"));
    }

    @Test
    void anUnbalancedBracketEndsThePath() throws Exception {
        assertEquals(json("{\"a\":{\"b\":\"1\"}}"), NestedFormData.parse("a[b][c=1"));
    }

    @Test
    void brokenEscapesAndTooDeepKeysRefuseTheForm() {
        assertEquals("invalid_form",
                assertThrows(RequestRejected.class, () -> NestedFormData.parse("data[CALL_ID]=%E")).code());
        assertEquals("invalid_form",
                assertThrows(RequestRejected.class, () -> NestedFormData.parse("a" + "[x]".repeat(65) + "=1")).code());
    }
}
