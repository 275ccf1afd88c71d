package io.callcard.history.export;

/**
 * Hears how far an export has come and may stop it: the pane's progress bar and cancel button, the command line's
 * progress line. Called on the exporting thread; must be quick.
 */
public interface ExportProgress {

    /** Nobody listens and nobody cancels. */
    ExportProgress NONE = (done, total) -> { };

    /**
     * {@code done} of {@code total} calls are written ({@code total} is the query's count when the export began; calls
     * recorded meanwhile may make {@code done} pass it). Called at the start, every few hundred calls, and at the end.
     */
    void rowsDone(long done, long total);

    /** Whether the export should stop after the current call; the file then holds a complete document so far. */
    default boolean cancelled() {
        return false;
    }
}
