package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir);
    }

    private void write(String text) throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), text, StandardCharsets.UTF_8);
    }

    @Test
    void noFileMeansDefaults() throws Exception {
        assertEquals(48024, store().load().effectiveListenerPort());
    }

    @Test
    void thePortIsRead() throws Exception {
        write("{\"listenerPort\": 50123}");
        assertEquals(50123, store().load().effectiveListenerPort());
    }

    @Test
    void keysFromANewerVersionAreIgnored() throws Exception {
        write("{\"listenerPort\": 50123, \"somethingNew\": {\"a\": 1}}");
        assertEquals(50123, store().load().effectiveListenerPort());
    }

    @Test
    void brokenJsonIsReportedWithTheLineAndTheFileIsLeftAlone() throws Exception {
        String broken = "{\n  \"listenerPort\": 50123,\n  oops\n}";
        write(broken);
        SettingsException e = assertThrows(SettingsException.class, () -> store().load());
        assertEquals(SettingsException.Reason.MALFORMED, e.reason());
        assertTrue(e.detail().contains("line 3"), e.detail());
        assertArrayEquals(broken.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(dir.resolve(SettingsStore.FILE_NAME)));
    }

    @Test
    void aPortOutOfRangeIsRefusedWithTheValue() throws Exception {
        write("{\"listenerPort\": 0}");
        SettingsException e = assertThrows(SettingsException.class, () -> store().load());
        assertEquals(SettingsException.Reason.INVALID_VALUE, e.reason());
        assertTrue(e.detail().contains("between 1 and 65535"), e.detail());
    }

    @Test
    void aPortOfTheWrongTypeIsMalformed() throws Exception {
        write("{\"listenerPort\": \"eighty\"}");
        assertEquals(SettingsException.Reason.MALFORMED,
                assertThrows(SettingsException.class, () -> store().load()).reason());
    }

    @Test
    void theListenerAddressDefaultsToLoopbackAndTakesIpLiterals() throws Exception {
        assertEquals("127.0.0.1", store().load().effectiveListenerAddress());
        write("{\"listenerAddress\": \"192.168.1.20\"}");
        assertEquals("192.168.1.20", store().load().effectiveListenerAddress());
        write("{\"listenerAddress\": \"::1\"}");
        assertEquals("::1", store().load().effectiveListenerAddress());
    }

    @Test
    void aHostNameAsListenerAddressIsRefusedWithoutALookUp() throws Exception {
        for (String bad : new String[] {"example.com", "localhost", "300.1.1.1", "1.2.3", ":::zz", ""}) {
            write("{\"listenerAddress\": \"" + bad + "\"}");
            SettingsException e = assertThrows(SettingsException.class, () -> store().load(), bad);
            assertEquals(SettingsException.Reason.INVALID_VALUE, e.reason());
            assertTrue(e.detail().contains("listenerAddress must be an IP address"), e.detail());
        }
    }

    @Test
    void widgetCredentialsAreNotOfferedUntilTheUserAgrees() throws Exception {
        assertFalse(store().load().effectiveOfferWidgetCredentials());
        write("{\"offerWidgetCredentials\": true}");
        assertTrue(store().load().effectiveOfferWidgetCredentials());
    }

    @Test
    void aMemberIdMustBeThirtyTwoHexDigits() throws Exception {
        write("{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"https://a.bitrix24.com\","
                + " \"memberId\": \"a223c6b9410f85df78e9377d6c4f7213\"}}");
        assertEquals("a223c6b9410f85df78e9377d6c4f7213", store().load().portal().memberId());
        assertEquals("a.bitrix24.com", store().load().portal().host());
        write("{\"portal\": {\"kind\": \"webhook\", \"portalUrl\": \"https://a.bitrix24.com\","
                + " \"memberId\": \"not-a-member\"}}");
        SettingsException e = assertThrows(SettingsException.class, () -> store().load());
        assertTrue(e.detail().contains("32 hexadecimal digits"), e.detail());
        assertFalse(e.detail().contains("not-a-member"), "the value is not echoed");
    }
}
