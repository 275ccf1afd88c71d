package io.callcard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Points the rolling log file at the log folder and lets Logback configure itself off the start-up path. */
final class LoggingSetup {

    static final String LOG_DIR_PROPERTY = "callcard.logDir";

    private LoggingSetup() {
    }

    static void startInBackground(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            System.err.println("CallCard Companion: cannot create the log folder " + logDir + " (" + e + ")");
        }
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        Thread t = new Thread(() -> LoggerFactory.getLogger(Launcher.class)
                .info("CallCard Companion {} starting; logs in {}", AppVersion.current(), logDir), "logging-setup");
        t.setDaemon(true);
        t.start();
    }
}
