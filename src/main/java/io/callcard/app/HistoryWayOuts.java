package io.callcard.app;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryFiles;
import io.callcard.history.HistoryProblem;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.history.sqlite.StoreOptions;
import io.callcard.ui.history.HistoryRescue;
import io.callcard.ui.history.WayOut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The ways out of a history file that could not be opened, as the panes' buttons ask for them (troubleshooting.md):
 * a damaged file is moved aside ({@link HistoryFiles#moveAside}) and the history opened again as at start-up, which
 * makes a new one; a newer companion's file, or one another program holds, is opened read-only. Done on the history's
 * own thread, never while a store is open.
 */
final class HistoryWayOuts implements HistoryRescue {

    private final Path file;
    private final Executor io;
    private final BooleanSupplier storeOpen;
    private final Consumer<String> reopen;
    private final Consumer<CallHistory> readOnlyOpened;

    /**
     * @param file           the history file that could not be opened
     * @param io             where the files are moved and opened (off the FX thread)
     * @param storeOpen      whether a store is open now (then there is nothing to get out of)
     * @param reopen         opens the history again as at start-up, told the moved file's name
     * @param readOnlyOpened given the store opened read-only
     */
    HistoryWayOuts(Path file, Executor io, BooleanSupplier storeOpen, Consumer<String> reopen,
                   Consumer<CallHistory> readOnlyOpened) {
        this.file = Objects.requireNonNull(file, "file");
        this.io = Objects.requireNonNull(io, "io");
        this.storeOpen = Objects.requireNonNull(storeOpen, "storeOpen");
        this.reopen = Objects.requireNonNull(reopen, "reopen");
        this.readOnlyOpened = Objects.requireNonNull(readOnlyOpened, "readOnlyOpened");
    }

    /** The ways out {@code problem} has: moving aside for a damaged file, reading only for a newer or held one. */
    static Set<WayOut> offeredFor(HistoryProblem problem) {
        if (problem == null) {
            return WayOut.none();
        }
        switch (problem.kind()) {
            case CORRUPT:
                return EnumSet.of(WayOut.MOVE_ASIDE);
            case NEWER_VERSION:
            case LOCKED:
                return EnumSet.of(WayOut.OPEN_READ_ONLY);
            default:
                return WayOut.none(); // the disk or the folder: nothing the companion can do about it from here
        }
    }

    @Override
    public CompletionStage<String> moveAsideAndStartNew() {
        return CompletableFuture.supplyAsync(() -> {
            refuseWhileOpen();
            Path aside;
            try {
                aside = HistoryFiles.moveAside(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not move " + file + " aside: " + e.getMessage(), e);
            }
            String moved = aside.getFileName().toString();
            reopen.accept(moved);
            return moved;
        }, io);
    }

    @Override
    public CompletionStage<Void> openReadOnly() {
        return CompletableFuture.runAsync(() -> {
            refuseWhileOpen();
            readOnlyOpened.accept(SqliteCallHistory.openReadOnly(file, StoreOptions.DEFAULT));
        }, io);
    }

    private void refuseWhileOpen() {
        if (storeOpen.getAsBoolean()) {
            throw new IllegalStateException("the call history " + file + " is open already");
        }
    }
}
