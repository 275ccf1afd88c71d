package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryQuery;
import io.callcard.history.export.ExportFormat;
import io.callcard.history.export.ExportProgress;
import io.callcard.history.export.HistoryExporter;
import io.callcard.ui.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Export of the filtered calls to a file the agent chose, CSV or JSON by its extension, through
 * {@link HistoryExporter} on the background executor: progress as it goes, cancel at any time. The file is written
 * beside its final name and moved into place only when the export finished, so a cancelled or failed export leaves
 * whatever file was there before untouched.
 */
public final class HistoryExportModel {

    private final Messages messages;
    private final ZoneId zone;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Optional<CallHistory>> store;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private HistoryQuery query = HistoryQuery.ALL;
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    HistoryExportModel(Messages messages, ZoneId zone, Executor background, Executor ui,
                       Supplier<Optional<CallHistory>> store) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The filtered set the next export writes. FX thread. */
    void follow(HistoryQuery shown) {
        query = Objects.requireNonNull(shown, "shown");
    }

    /** The format a file's name asks for: {@code .json} for JSON, anything else CSV. */
    public static ExportFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith("." + ExportFormat.JSON.extension()) ? ExportFormat.JSON : ExportFormat.CSV;
    }

    /** Writes the filtered calls to {@code file}, in the format its name says. FX thread; returns at once. */
    public void exportTo(Path file) {
        Objects.requireNonNull(file, "file");
        Optional<CallHistory> history = store.get();
        if (running.get() || history.isEmpty()) {
            return;
        }
        ExportFormat format = formatOf(file);
        HistoryQuery asked = query;
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        running.set(true);
        progress.set(0);
        outcome.set(messages.get("history.export.running", file.getFileName()));
        background.execute(() -> {
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try {
                long written;
                try (OutputStream out = Files.newOutputStream(partial)) {
                    written = HistoryExporter.export(history.get(), asked, format, out, new ExportProgress() {
                        @Override
                        public void rowsDone(long done, long total) {
                            double share = total <= 0 ? 1 : Math.min(1, (double) done / total);
                            ui.execute(() -> progress.set(share));
                        }

                        @Override
                        public boolean cancelled() {
                            return stop.get();
                        }
                    }, zone);
                }
                if (stop.get()) {
                    Files.deleteIfExists(partial);
                    ui.execute(() -> finished(messages.get("history.export.cancelled")));
                    return;
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                ui.execute(() -> finished(messages.get("history.export.done", written, file.toString())));
            } catch (IOException | RuntimeException e) {
                deleteQuietly(partial);
                ui.execute(() -> finished(messages.get("history.export.failed", file.toString(), e.getMessage())));
            }
        });
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // the failure already reported is the one that matters; a stray .part file is the agent's to remove
        }
    }

    private void finished(String words) {
        running.set(false);
        outcome.set(words);
    }

    /** Stops the running export after the current call; the file it was to replace stays as it was. */
    public void cancel() {
        cancel.set(true);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1: the share of the filtered calls written so far. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last export did: running, written (how many, where), cancelled, or why it failed; "" before any. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
