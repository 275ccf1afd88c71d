package io.callcard.history.sqlite;

import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryProblem.Kind;
import java.nio.file.Path;
import java.sql.SQLException;

/** SQLite's result codes in the history's words: which {@link HistoryProblem} a failed statement is. */
final class SqlProblems {

    // SQLite's primary result codes (the low byte of an extended one): sqlite.org/rescode.html
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int NOT_A_DATABASE = 26;

    private SqlProblems() {
    }

    /** The problem {@code failure} is, while {@code doing} something with {@code file}. */
    static HistoryProblem of(SQLException failure, Path file, String doing) {
        Kind kind = kindOf(failure);
        String words = switch (kind) {
            case DISK_FULL -> "the disk is full: " + doing + " was not stored, nothing stored before is lost";
            case LOCKED -> "another program holds the call history " + file + " (" + doing + ")";
            case CORRUPT -> "the call history " + file + " is damaged or not a call history (" + doing + ")";
            case NEWER_VERSION -> "the call history " + file + " was written by a newer companion";
            case IO -> doing + " failed on " + file + ": " + failure.getMessage();
        };
        return new HistoryProblem(kind, words, failure);
    }

    static Kind kindOf(SQLException failure) {
        return switch (failure.getErrorCode() & 0xFF) {
            case FULL -> Kind.DISK_FULL;
            case BUSY, LOCKED -> Kind.LOCKED;
            case CORRUPT, NOT_A_DATABASE -> Kind.CORRUPT;
            default -> Kind.IO;
        };
    }
}
