package io.callcard.portal;

/** Hears how far an import of the portal's call history has come, so the UI can show a progress bar. */
@FunctionalInterface
public interface StatisticsProgress {

    /** Nobody listens. */
    StatisticsProgress NONE = (done, total) -> { };

    /**
     * {@code done} of {@code total} pages (50 calls each) have arrived. Called on the importing thread after every
     * request; must be quick.
     */
    void pagesDone(int done, int total);
}
