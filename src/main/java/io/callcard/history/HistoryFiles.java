package io.callcard.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The way out of a damaged history file: move it aside, with its WAL and shared-memory files, under a name that says
 * when ({@code history.db.damaged-20261204-184900}), so the next open starts a new, empty one and the old file stays
 * for whoever wants to rescue it.
 */
public final class HistoryFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private HistoryFiles() {
    }

    /** Moves {@code file} aside; returns where it went. The store must be closed. */
    public static Path moveAside(Path file) throws IOException {
        return moveAside(file, Clock.systemDefaultZone());
    }

    static Path moveAside(Path file, Clock clock) throws IOException {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        // the WAL first: a file moved without its WAL would lose the commits still in it
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        Files.move(file, aside);
        return aside;
    }
}
