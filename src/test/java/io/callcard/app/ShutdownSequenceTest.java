package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ShutdownSequenceTest {

    private final Logger log = (Logger) LoggerFactory.getLogger(ShutdownSequenceTest.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        log.addAppender(logged);
        log.setLevel(Level.INFO);
        log.setAdditive(false); // kept here, not printed
    }

    @AfterEach
    void release() {
        log.detachAppender(logged);
        log.setLevel(null);
        log.setAdditive(true);
    }

    @Test
    void stepsRunInOrderAPartThatFailsDoesNotStopTheRestAndTheLastLineSaysSo() {
        List<String> stopped = new ArrayList<>();
        new ShutdownSequence()
                .then("first", () -> stopped.add("first"))
                .then("broken", () -> {
                    throw new IllegalStateException("cannot stop");
                })
                .then("last", () -> stopped.add("last"))
                .run(log);

        assertEquals(List.of("first", "last"), stopped);
        ILoggingEvent warning = logged.list.get(0);
        assertTrue(warning.getFormattedMessage().contains("broken"), warning.getFormattedMessage());
        assertEquals("cannot stop", warning.getThrowableProxy().getMessage());
        String lastLine = logged.list.get(logged.list.size() - 1).getFormattedMessage();
        assertTrue(lastLine.matches("CallCard Companion stopped in \\d+ ms \\(first \\d+ ms, broken \\d+ ms,"
                + " last \\d+ ms\\)"), lastLine);
    }
}
