package io.callcard.app.cli;

import io.callcard.ui.Messages;
import java.io.PrintWriter;

/**
 * A long command's progress on the error stream ("12,500 of 100,000 calls"), every tenth of the way, so a pipe of
 * its output stays clean and a terminal is not flooded.
 */
final class TenthsProgress {

    private final PrintWriter err;
    private final Messages words;
    private final String key;
    private long nextTenth = 1;

    /** {@code key}: the message, given how many are done and of how many. */
    TenthsProgress(PrintWriter err, Messages words, String key) {
        this.err = err;
        this.words = words;
        this.key = key;
    }

    /** {@code done} of {@code total} are done; said when that passes the next tenth (the last is the command's own). */
    void done(long done, long total) {
        if (total > 0 && done * 10 >= nextTenth * total && done < total) {
            err.println(words.get(key, done, total));
            err.flush();
            nextTenth = done * 10 / total + 1;
        }
    }
}
