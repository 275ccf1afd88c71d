package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStores;
import io.callcard.ui.Messages;
import io.callcard.ui.settings.SaveResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The settings window's application token on the real secret store (the system keyring, else the owner-only file),
 * where {@code portal app-token} keeps it: saved, told as saved, forgotten; never in an answer or a log line.
 */
class AsyncApplicationTokenTest {

    private static final String TOKEN = "k3rn9a8s7d6f5g4h3j2k1l0qwertyuio";

    @TempDir
    Path dir;

    private final Logger rootLog = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureLogs() {
        levelBefore = rootLog.getLevel();
        rootLog.setLevel(Level.DEBUG);
        logged.start();
        rootLog.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        rootLog.detachAppender(logged);
        rootLog.setLevel(levelBefore);
    }

    private AsyncApplicationToken tokens() {
        return new AsyncApplicationToken(dir, Messages.forLocale(Locale.ENGLISH), Runnable::run);
    }

    private Optional<String> stored() throws Exception {
        return SecretStores.open(dir).read(SecretKeys.APPLICATION_TOKEN);
    }

    @Test
    void aTokenIsSavedWherePortalAppTokenKeepsItAndForgotten() throws Exception {
        assertFalse(tokens().isSaved().get());
        SaveResult saved = tokens().save(TOKEN).get();
        assertTrue(saved.saved(), saved.words());
        assertEquals(Optional.of(TOKEN), stored());
        assertTrue(tokens().isSaved().get());

        SaveResult forgotten = tokens().forget().get();
        assertTrue(forgotten.saved(), forgotten.words());
        assertEquals(Optional.empty(), stored());
        assertFalse(tokens().isSaved().get());

        assertFalse(saved.words().contains(TOKEN), saved.words());
        logged.list.forEach(event -> assertFalse(event.getFormattedMessage().contains(TOKEN),
                event.getFormattedMessage()));
        assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Application token saved")),
                "the save itself is logged, without the token");
    }

    @Test
    void aMalformedTokenIsRefusedUnrepeatedAndNothingIsStored() throws Exception {
        String pasted = "https://acme.bitrix24.com/rest/1/secretcode/";
        SaveResult refused = tokens().save(pasted).get();
        assertFalse(refused.saved());
        assertFalse(refused.words().contains("secretcode"), refused.words());
        assertEquals(Optional.empty(), stored());
        logged.list.forEach(event -> assertFalse(event.getFormattedMessage().contains("secretcode")));
    }
}
