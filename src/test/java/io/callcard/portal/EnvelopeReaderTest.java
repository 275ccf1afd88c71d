package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.testing.BitrixExamples;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented answers, read by the one envelope reader. */
class EnvelopeReaderTest {

    private static final PortalCredentials.OAuth CREDENTIALS = new PortalCredentials.OAuth(
            "https://portal.bitrix24.com", "acc3ssTokenValue", "r3freshTokenValue", "app", "cl1entSecretValue");

    private final EnvelopeReader reader = new EnvelopeReader(BitrixExamples.MAPPER, new Redactor(CREDENTIALS));

    private PortalResponse read(int status, String body) throws PortalException {
        return reader.read("some.method", status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSuccessWithAllEightTimeFields() throws PortalException {
        PortalResponse r = read(200, BitrixExamples.text("resp_success_with_time.jsonc"));
        assertEquals(3465, r.result().asInt());
        assertTrue(r.total().isEmpty());
        assertFalse(r.hasNextPage());
        PortalTime t = r.time();
        assertEquals(1705764932.998683, t.start().getAsDouble(), 1e-6);
        assertEquals(1705764937.173995, t.finish().getAsDouble(), 1e-6);
        assertEquals(4.1753120422363281, t.duration().getAsDouble(), 1e-9);
        assertEquals(3.3076529502868652, t.processing().getAsDouble(), 1e-9);
        assertEquals(OffsetDateTime.parse("2024-01-20T18:35:32+03:00"), t.dateStart().orElseThrow());
        assertEquals(OffsetDateTime.parse("2024-01-20T18:35:37+03:00"), t.dateFinish().orElseThrow());
        assertEquals(1705765533, t.operatingResetAt().getAsDouble(), 0);
        assertEquals(3.3076241016387939, t.operating().getAsDouble(), 1e-9);
    }

    @Test
    void aListWithTotalAndNullableStringFields() throws PortalException {
        PortalResponse r = read(200, BitrixExamples.text("resp_voximplant_statistic_get.jsonc"));
        assertEquals(2, r.total().getAsLong());
        assertTrue(r.next().isEmpty());
        assertEquals(2, r.result().size());
        JsonNode first = r.result().get(0);
        assertEquals("603-S", first.get("CALL_FAILED_CODE").asText());
        assertTrue(first.get("EXTERNAL_CALL_ID").isNull());
        assertEquals("2", r.result().get(1).get("CALL_TYPE").asText());
        assertEquals(0, r.time().processing().getAsDouble(), 0);
        assertEquals(OffsetDateTime.parse("2026-03-10T14:24:01+01:00"), r.time().dateStart().orElseThrow());
    }

    @Test
    void timeFieldsAreEachOptionalAndNextIsRead() throws PortalException {
        PortalResponse r = read(200, "{\"result\":[],\"next\":50,\"total\":120,"
                + "\"time\":{\"start\":1.5,\"date_start\":\"not a date\",\"operating\":\"x\"}}");
        assertEquals(50, r.next().getAsLong());
        assertEquals(120, r.total().getAsLong());
        assertEquals(1.5, r.time().start().getAsDouble(), 0);
        assertTrue(r.time().finish().isEmpty());
        assertTrue(r.time().dateStart().isEmpty());
        assertTrue(r.time().operating().isEmpty());
        assertEquals(PortalTime.NONE, read(200, "{\"result\":true}").time());
    }

    @Test
    void theOAuthRefreshAnswerIsAnObjectWithANewPair() throws PortalException {
        JsonNode answer = reader.readObject("oauth/token", 200,
                BitrixExamples.text("resp_oauth_refresh_token.jsonc").getBytes(StandardCharsets.UTF_8));
        assertEquals("ydtj8pho532wydb5ixk78ol7uqlb7sch", answer.get("access_token").asText());
        assertEquals("3s6lr4kr3cv2od4v853gvrchb875bwxb", answer.get("refresh_token").asText());
        assertEquals(3600, answer.get("expires_in").asInt());
    }

    static Stream<BitrixExamples.DocumentedError> documentedErrors() {
        return BitrixExamples.documentedErrors().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("documentedErrors")
    void everyDocumentedErrorIsTyped(BitrixExamples.DocumentedError documented) {
        PortalException e = assertThrows(PortalException.class,
                () -> read(documented.httpStatus(), documented.bodyText()));
        assertNotEquals(PortalError.UNKNOWN_CODE, e.error(), documented.toString());
        assertEquals(documented.code(), e.rawCode());
        assertEquals(documented.code(), e.error().wireCode());
        assertEquals(documented.body().get("error_description").asText(), e.description());
        assertEquals(documented.httpStatus(), e.httpStatus());
    }

    @Test
    void theErrorKeyWinsEvenWithHttp200AndAResult() {
        PortalException e = assertThrows(PortalException.class,
                () -> read(200, "{\"result\":null,\"error\":\"ACCESS_DENIED\",\"error_description\":\"no\"}"));
        assertEquals(PortalError.ACCESS_DENIED, e.error());
    }

    @Test
    void anUnknownCodeKeepsTheRawCode() {
        PortalException e = assertThrows(PortalException.class,
                () -> read(400, "{\"error\":\"BRAND_NEW_CODE\",\"error_description\":\"what\"}"));
        assertEquals(PortalError.UNKNOWN_CODE, e.error());
        assertEquals("BRAND_NEW_CODE", e.rawCode());
        assertTrue(e.getMessage().contains("BRAND_NEW_CODE"));
    }

    @Test
    void bodiesThatAreNotEnvelopes() {
        List<Object[]> cases = List.of(
                new Object[] {200, "<html>Bitrix24</html>", PortalError.NOT_JSON},
                new Object[] {200, "", PortalError.NOT_JSON},
                new Object[] {200, "[1,2]", PortalError.NOT_JSON},
                new Object[] {200, "{\"answer\":1}", PortalError.NOT_JSON},
                new Object[] {200, "{\"result\":[1,2", PortalError.TRUNCATED_BODY},
                new Object[] {502, "<html>Bad Gateway</html>", PortalError.HTTP_STATUS_WITHOUT_ENVELOPE},
                new Object[] {500, "{\"result\":1}", PortalError.HTTP_STATUS_WITHOUT_ENVELOPE},
                new Object[] {404, "", PortalError.HTTP_STATUS_WITHOUT_ENVELOPE});
        for (Object[] c : cases) {
            PortalException e = assertThrows(PortalException.class, () -> read((Integer) c[0], (String) c[1]));
            assertEquals(c[2], e.error(), "HTTP " + c[0] + " " + c[1]);
        }
    }

    @Test
    void aDescriptionThatEchoesASecretIsScrubbed() {
        PortalException e = assertThrows(PortalException.class, () -> read(401,
                "{\"error\":\"invalid_token\",\"error_description\":\"token acc3ssTokenValue / cl1entSecretValue\"}"));
        assertFalse(e.getMessage().contains("acc3ssTokenValue"), e.getMessage());
        assertFalse(e.toString().contains("cl1entSecretValue"), e.toString());
        assertFalse(e.description().contains("acc3ssTokenValue"));
    }
}
