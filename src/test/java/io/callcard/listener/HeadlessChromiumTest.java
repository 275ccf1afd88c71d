package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing browser skips the browser tests locally and fails them under CI=true. */
class HeadlessChromiumTest {

    private static final File NOWHERE = new File("/nonexistent/callcard/chromedriver");

    @Test
    void aMissingDriverOrBrowserIsNamed() {
        assertTrue(HeadlessChromium.missing(NOWHERE, null).contains("/nonexistent/callcard/chromedriver"));
        assertNull(HeadlessChromium.firstExecutable(new File[] {NOWHERE}));
        File sh = new File("/bin/sh");
        assertEquals(sh, HeadlessChromium.firstExecutable(new File[] {NOWHERE, sh}));
        assertTrue(HeadlessChromium.missing(sh, null).startsWith("no Chromium"));
        assertNull(HeadlessChromium.missing(sh, sh));
    }

    @Test
    void locallyItIsASkipAndUnderCiAFailure() {
        assertThrows(TestAbortedException.class, () -> HeadlessChromium.skipOrFail("no browser", false));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> HeadlessChromium.skipOrFail("no browser", true));
        assertTrue(failure.getMessage().contains("CI=true"));
    }
}
