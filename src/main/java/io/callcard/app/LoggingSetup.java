package io.callcard.app;

import java.nio.file.Path;

/**
 * Points the rolling log file at the log folder. Logback reads its configuration on the first logger call, which
 * start-up keeps off the FX thread (see {@link AppContext#startServices}); the folder is made there too.
 */
public final class LoggingSetup {

    static final String LOG_DIR_PROPERTY = "callcard.logDir";

    private LoggingSetup() {
    }

    /** Call before anything logs: Logback reads the folder once, on the first logger call. */
    public static void pointAt(Path logDir) {
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
    }
}
