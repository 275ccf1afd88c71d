package io.callcard.ui.history;

import java.util.EnumSet;
import java.util.Set;

/** A way out the pane offers when the history file could not be opened (history.md, troubleshooting.md). */
public enum WayOut {
    /** A damaged file: move it aside and start a new history. */
    MOVE_ASIDE,
    /** A newer companion's file, or one another program holds: look at it without recording into it. */
    OPEN_READ_ONLY;

    /** None: the problem has no way out here (the disk, the folder). */
    public static Set<WayOut> none() {
        return EnumSet.noneOf(WayOut.class);
    }
}
