package io.callcard.history;

import java.util.Objects;

/**
 * Why the history cannot be opened or written, in a form the window and the command line turn into words and a way
 * out. Never carries a secret; the file's path is the user's own.
 */
public final class HistoryProblem extends RuntimeException {

    /** What went wrong, each with its way out. */
    public enum Kind {
        /** The file was written by a newer companion: refused, never touched. Way out: open it read-only, or update. */
        NEWER_VERSION,
        /** The file is not a database or fails its integrity check. Way out: move it aside and start a new one. */
        CORRUPT,
        /** Another program holds the file. Way out: close it (another companion?), or open read-only. */
        LOCKED,
        /** The disk is full: this write is not stored, nothing stored before is lost. Way out: free space. */
        DISK_FULL,
        /** Any other input/output failure. */
        IO
    }

    private final Kind kind;

    public HistoryProblem(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
