package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
