package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.testing.BitrixExamples;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PHP-style form keys as the portal posts them and REST takes them, into the tree PHP's {@code $_POST} would hold. */
class PhpFormTest {

    private static String decoded(String form) {
        return PhpForm.decode(form).toString();
    }

    private static JsonNode json(String text) throws Exception {
        return BitrixExamples.MAPPER.readTree(text);
    }

    @Test
    void nestedKeysBecomeObjectsAndSequentialIndexesBecomeLists() {
        assertEquals("{\"fields\":{\"NAME\":\"Анна\",\"PHONE\":[{\"VALUE\":\"+74951234567\",\"VALUE_TYPE\":\"WORK\"}]}}",
                decoded("fields[NAME]=%D0%90%D0%BD%D0%BD%D0%B0&fields[PHONE][0][VALUE]=%2B74951234567"
                        + "&fields[PHONE][0][VALUE_TYPE]=WORK"));
    }

    @Test
    void escapedBracketsNestAndEveryLeafIsAString() throws Exception {
        assertEquals(json("{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_ID\":\"a.1\",\"CALL_TYPE\":\"1\"},"
                        + "\"auth\":{\"application_token\":\"t k\"}}"),
                PhpForm.decode("event=ONVOXIMPLANTCALLEND&data%5BCALL_ID%5D=a.1&data[CALL_TYPE]=1"
                        + "&auth%5Bapplication_token%5D=t+k"));
    }

    @Test
    void indexedAndAppendedKeysBecomeArrays() throws Exception {
        assertEquals(json("{\"args\":[\"idle\",{\"failedCode\":\"486\"}],\"list\":[\"x\",\"y\"]}"),
                PhpForm.decode("args[0]=idle&args[1][failedCode]=486&list[]=x&list[]=y"));
    }

    @Test
    void operatorPrefixesInsideBracketsSurvive() {
        assertEquals("{\"FILTER\":{\">=CALL_START_DATE\":\"2026-03-01\",\"<CALL_START_DATE\":\"2026-03-02\"}}",
                decoded("FILTER[%3E%3DCALL_START_DATE]=2026-03-01&FILTER[<CALL_START_DATE]=2026-03-02"));
    }

    @Test
    void emptyBracketsAppendAndLaterValuesWin() {
        assertEquals("{\"a\":[\"1\",\"2\"],\"b\":\"second\"}", decoded("a[]=1&a[]=2&b=first&b=second"));
    }

    @Test
    void aScalarInTheWayOfANestedKeyIsReplaced() throws Exception {
        assertEquals(json("{\"a\":{\"b\":\"2\"}}"), PhpForm.decode("a=1&a[b]=1&a[b]=2"));
    }

    @Test
    void nonSequentialIndexesStayAnObjectAsPhpEncodesThem() {
        assertEquals("{\"ids\":{\"1\":\"x\",\"3\":\"y\"}}", decoded("ids[1]=x&ids[3]=y"));
        assertEquals("{\"args\":{\"1\":\"x\"}}", decoded("args[1]=x"));
    }

    @Test
    void plusIsASpaceKeysWithoutValuesAreEmptyAndEmptyInputIsAnEmptyObject() {
        assertEquals("{\"q\":\"a b\",\"flag\":\"\"}", decoded("q=a+b&flag"));
        assertEquals("{}", decoded(""));
        assertEquals("{}", decoded(null));
    }

    @Test
    void anUnbalancedBracketEndsThePath() throws Exception {
        assertEquals(List.of("a", "b"), PhpForm.keyPath("a[b][c"));
        assertEquals(json("{\"a\":{\"b\":\"1\"}}"), PhpForm.decode("a[b][c=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data[CALL_ID]=%E", "a=%zz", "a=caf\u00e9", "a=%C3%28"})
    void brokenEscapesRawNonAsciiAndNonUtf8RefuseTheForm(String form) {
        assertEquals(WireFormatException.Problem.MALFORMED_FORM,
                assertThrows(WireFormatException.class, () -> PhpForm.decode(form)).problem());
        assertEquals(WireFormatException.Problem.MALFORMED_FORM,
                assertThrows(WireFormatException.class, () -> PhpForm.decodeFlat(form)).problem());
    }

    @Test
    void keysNestedDeeperThanPhpAllowsRefuseTheForm() {
        assertEquals(WireFormatException.Problem.MALFORMED_FORM, assertThrows(WireFormatException.class,
                () -> PhpForm.decode("a" + "[x]".repeat(PhpForm.MAX_DEPTH + 1) + "=1")).problem());
        assertEquals("1", PhpForm.decode("a" + "[x]".repeat(PhpForm.MAX_DEPTH - 1) + "=1")
                .at("/a" + "/x".repeat(PhpForm.MAX_DEPTH - 1)).asText());
    }

    @Test
    void asPhpAMalformedPercentSequenceIsKeptAsTypedLikeUrldecode() {
        assertEquals("{\"PHONE_NUMBER\":\"100% sure\"}", PhpForm.decodeAsPhp("PHONE_NUMBER=100%+sure").toString());
        assertEquals("{\"NAME\":\"café ok\"}", PhpForm.decodeAsPhp("NAME=caf\u00e9+%6Fk").toString());
    }

    @Test
    void flatDecodingKeepsBracketedKeysWhole() {
        assertEquals(Map.of("PLACEMENT", "CALL_CARD", "a[b]", "c d", "flag", ""),
                PhpForm.decodeFlat("PLACEMENT=CALL_CARD&a%5Bb%5D=c+d&flag"));
        assertEquals(Map.of(), PhpForm.decodeFlat(null));
    }

    @Test
    void encodesNestedMapsListsAndTreesAsHttpBuildQueryLeavingNullsOut() throws Exception {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put(">=CALL_START_DATE", "2026-03-01T00:00:00+03:00");
        filter.put("SKIPPED", null);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("FILTER", filter);
        params.put("IDS", List.of(3, 5));
        params.put("start", 50L);

        assertEquals("FILTER%5B%3E%3DCALL_START_DATE%5D=2026-03-01T00%3A00%3A00%2B03%3A00"
                + "&IDS%5B0%5D=3&IDS%5B1%5D=5&start=50", PhpForm.encode(params));
        assertEquals("a%5Bb%5D%5B0%5D=x+y&c=1",
                PhpForm.encode(json("{\"a\":{\"b\":[\"x y\"]},\"n\":null,\"c\":1}")));
    }

    @Test
    void decodingWhatWasEncodedGivesTheTreeBackWithStringLeaves() throws Exception {
        JsonNode tree = json("{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_ID\":\"a&b=c\",\"LIST\":[1,2],"
                + "\"NAME\":\"Анна [x]\"}}");

        assertEquals(json("{\"event\":\"ONVOXIMPLANTCALLEND\",\"data\":{\"CALL_ID\":\"a&b=c\",\"LIST\":[\"1\",\"2\"],"
                + "\"NAME\":\"Анна [x]\"}}"), PhpForm.decode(PhpForm.encode(tree)));
        assertEquals(Arrays.asList("a", "b", ""), PhpForm.keyPath("a[b][]"));
    }
}
