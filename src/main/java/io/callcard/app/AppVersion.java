package io.callcard.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, written into {@code version.properties} by the build. */
public final class AppVersion {

    private AppVersion() {
    }

    public static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException unreadable) {
            // fall through: a version string is not worth failing for
        }
        return "unknown";
    }
}
