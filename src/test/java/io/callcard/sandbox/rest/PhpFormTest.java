package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PhpFormTest {

    private static String decoded(String form) {
        return PhpForm.decode(form).toString();
    }

    @Test
    void nestedKeysBecomeObjectsAndSequentialIndexesBecomeLists() {
        assertEquals("{\"fields\":{\"NAME\":\"Анна\",\"PHONE\":[{\"VALUE\":\"+74951234567\",\"VALUE_TYPE\":\"WORK\"}]}}",
                decoded("fields[NAME]=%D0%90%D0%BD%D0%BD%D0%B0&fields[PHONE][0][VALUE]=%2B74951234567"
                        + "&fields[PHONE][0][VALUE_TYPE]=WORK"));
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
    void nonSequentialIndexesStayAnObjectAsPhpEncodesThem() {
        assertEquals("{\"ids\":{\"1\":\"x\",\"3\":\"y\"}}", decoded("ids[1]=x&ids[3]=y"));
    }

    @Test
    void plusIsASpaceKeysWithoutValuesAreEmptyAndEmptyInputIsAnEmptyObject() {
        assertEquals("{\"q\":\"a b\",\"flag\":\"\"}", decoded("q=a+b&flag"));
        assertEquals("{}", decoded(""));
        assertEquals("{}", decoded(null));
    }

    @Test
    void aMalformedPercentSequenceIsKeptAsTypedLikePhpUrldecode() {
        assertEquals("{\"PHONE_NUMBER\":\"100% sure\"}", decoded("PHONE_NUMBER=100%+sure"));
    }

    @Test
    void unbalancedBracketsKeepTheRestOfTheKey() {
        assertEquals(java.util.List.of("a", "b"), PhpForm.keyPath("a[b][c"));
    }
}
