package io.callcard.listener;

import java.io.IOException;
import java.net.BindException;
import java.util.Locale;
import java.util.Objects;

/** The listener could not start. {@link #reason()} and {@link #port()} are what the UI puts into words. */
public final class ListenerStartException extends Exception {

    public enum Reason {
        /** Another program (or another companion) already listens on the port. */
        PORT_IN_USE,
        /** The system refused the port, e.g. a privileged port below 1024. */
        PERMISSION_DENIED,
        OTHER
    }

    private final Reason reason;
    private final int port;

    public ListenerStartException(Reason reason, int port, Throwable cause) {
        super("cannot listen on 127.0.0.1:" + port + " (" + reason + ")", cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.port = port;
    }

    public Reason reason() {
        return reason;
    }

    public int port() {
        return port;
    }

    /**
     * The JDK reports bind failures as {@link BindException} with the operating system's text, so the text is all
     * there is to tell them apart (Linux/macOS "Address already in use", "Permission denied"; Windows
     * "Address already in use: bind", "... forbidden by its access permissions").
     */
    static Reason reasonFor(IOException failure) {
        if (!(failure instanceof BindException)) {
            return Reason.OTHER;
        }
        String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("in use")) {
            return Reason.PORT_IN_USE;
        }
        if (text.contains("permission denied") || text.contains("access permissions")) {
            return Reason.PERMISSION_DENIED;
        }
        return Reason.OTHER;
    }
}
