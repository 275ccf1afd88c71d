package io.callcard.history.export;

import io.callcard.history.HistoryCall;
import java.io.IOException;

/** One export format's writer: the document's start, one call at a time, its end. */
interface CallRows {

    void begin() throws IOException;

    void write(HistoryCall call) throws IOException;

    /** Ends the document (a JSON array is closed, a cancelled export stays well-formed) and flushes, never closes. */
    void end() throws IOException;
}
