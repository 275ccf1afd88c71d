package io.callcard.config;

import java.nio.file.Path;

/**
 * The settings file could not be used, or new settings could not be saved. The file is left as it is: the user may
 * want to mend it by hand.
 */
public final class SettingsException extends Exception {

    public enum Reason { UNREADABLE, MALFORMED, INVALID_VALUE, UNWRITABLE }

    private final Reason reason;
    private final Path file;
    private final String detail;

    public SettingsException(Reason reason, Path file, String detail, Throwable cause) {
        super(reason + " " + file + ": " + detail, cause);
        this.reason = reason;
        this.file = file;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    /** A short technical description (which key, which line); never contains a secret. */
    public String detail() {
        return detail;
    }
}
