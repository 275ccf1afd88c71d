package io.callcard.bench;

import io.callcard.app.Launcher;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.history.HistoryWindow;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The companion as shipped ({@link Launcher}, its own arguments after the first), driven from inside for the history
 * footprint benchmark: once today's calls show (the history opened), either leaves the full view closed
 * ({@value #CLOSED}) or opens it as Ctrl+Shift+H does ({@value #OPEN}), waits for the count to land, scrolls to the
 * middle and the end, searches "4567"; then prints {@value #READY} and stays, for its memory to be read.
 */
public final class HistoryViewProbe {

    static final String OPEN = "open";
    static final String CLOSED = "closed";
    static final String READY = "HISTORY_VIEW_READY";

    private HistoryViewProbe() {
    }

    public static void main(String[] args) {
        boolean open = OPEN.equals(args[0]);
        ExecutorService driver = BackgroundThreads.singleThread("history-view-probe");
        driver.execute(() -> {
            try {
                drive(open);
                System.out.println(READY);
                System.out.flush();
            } catch (Exception | AssertionError e) {
                System.out.println("HISTORY_VIEW_FAILED " + e);
                System.out.flush();
            }
        });
        Launcher.main(Arrays.copyOfRange(args, 1, args.length));
    }

    private static void drive(boolean open) throws Exception {
        Scene main = waitFor(() -> onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(Window::getScene).filter(s -> s != null && s.getRoot().lookup("#today-calls") != null)
                .findFirst().orElse(null)));
        // the sandbox's call listed under the card: the history's store is attached and recording
        waitFor(() -> onFx(() -> main.getRoot().lookup("#today-calls") instanceof javafx.scene.control.ListView<?> l
                && !l.getItems().isEmpty() && main.getAccelerators().containsKey(HistoryWindow.SHORTCUT) ? main
                : null));
        Thread.sleep(3_000);
        if (!open) {
            return;
        }
        onFx(() -> {
            main.getAccelerators().get(HistoryWindow.SHORTCUT).run();
            return main;
        });
        TableView<?> table = waitFor(() -> onFx(() -> historyTable()));
        // the count landed: the table is as long as the history (at least many pages)
        waitFor(() -> onFx(() -> table.getItems().size() > 1_000 && table.getItems().get(0) != null ? table : null));
        Thread.sleep(2_000); // the count of a large file lands after the first page: let it
        int size = onFx(() -> table.getItems().size());
        for (int row : new int[] {size / 2, size - 1}) {
            onFx(() -> {
                table.scrollTo(row);
                return table;
            });
            waitFor(() -> onFx(() -> row < table.getItems().size() && table.getItems().get(row) != null ? table
                    : null));
        }
        TextField search = onFx(() -> (TextField) table.getScene().lookup("#history-search"));
        onFx(() -> {
            search.setText("4567");
            return search;
        });
        // the search's rows replaced the whole history's (a fragment may match nothing in a small history)
        waitFor(() -> onFx(() -> table.getItems().size() < size
                && (table.getItems().isEmpty() || table.getItems().get(0) != null) ? table : null));
        Thread.sleep(2_000);
    }

    private static TableView<?> historyTable() {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window instanceof Stage && window.isShowing() && window.getScene() != null) {
                Node table = window.getScene().lookup("#history-table");
                if (table instanceof TableView<?> found) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T onFx(Supplier<T> read) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(read.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(30, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }

    /** Asks until there is an answer (the toolkit may not be up yet: asking then fails, and is asked again). */
    private static <T> T waitFor(Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                T found = probe.get();
                if (found != null) {
                    return found;
                }
            } catch (IllegalStateException toolkitNotYetUp) {
                // Platform.runLater before the toolkit started: ask again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not reached in 5 minutes");
    }
}
