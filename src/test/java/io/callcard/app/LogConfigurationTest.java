package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The logging the companion sets up in code: where the file goes, what a line looks like, and who wins. */
class LogConfigurationTest {

    @TempDir
    Path logDir;

    @Test
    void linesGoToTheRollingFileInTheLogFolderAtInfoAndAbove() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what SLF4J's provider gives the application's context
        LogConfiguration.configureInto(context, logDir.toString());
        Logger log = context.getLogger("io.callcard.app.AppContext");
        log.debug("not written");
        log.info("Listening on {}", "127.0.0.1:48024");
        context.stop();

        List<String> lines = Files.readAllLines(logDir.resolve("callcard.log"), StandardCharsets.UTF_8);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches(
                "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[[^\\]]+\\] i\\.c\\.app\\.AppContext"
                        + " - Listening on 127\\.0\\.0\\.1:48024"), lines.get(0));
    }

    @Test
    void theFileRollsDailyAndBySizeWithinTheFolder() {
        LoggerContext context = new LoggerContext();
        LogConfiguration.configureInto(context, logDir.toString());
        RollingFileAppender<?> file = (RollingFileAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("FILE");
        SizeAndTimeBasedRollingPolicy<?> rolling = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
        assertEquals(logDir + "/callcard.%d{yyyy-MM-dd}.%i.log.gz", rolling.getFileNamePattern());
        assertEquals(14, rolling.getMaxHistory());
        assertEquals(Level.INFO, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
        context.stop();
    }

    @Test
    void aConfigurationFileOnTheClassPathWins() {
        // the tests' logback-test.xml is on the class path: Logback's own reader is left to use it
        LoggerContext context = new LoggerContext();
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configuration.configure(context));
        assertFalse(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(),
                "nothing set up in code");
    }
}
