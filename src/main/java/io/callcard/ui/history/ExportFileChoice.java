package io.callcard.ui.history;

import io.callcard.history.export.ExportFormat;
import io.callcard.ui.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where an export goes: asked of the agent with the system's save dialog (tests answer in its place). */
@FunctionalInterface
public interface ExportFileChoice {

    /** The file to write, or empty when the agent cancelled. FX thread. */
    Optional<Path> ask(Window owner);

    /** The system's save dialog, offering CSV (first) and JSON, named after today's date. */
    static ExportFileChoice saveDialog(Messages messages, String suggestedName) {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("history.export.title"));
            FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(messages.get("history.export.csv"),
                    "*." + ExportFormat.CSV.extension());
            FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter(messages.get("history.export.json"),
                    "*." + ExportFormat.JSON.extension());
            chooser.getExtensionFilters().setAll(csv, json);
            chooser.setInitialFileName(suggestedName + "." + ExportFormat.CSV.extension());
            File chosen = chooser.showSaveDialog(owner);
            if (chosen == null) {
                return Optional.empty();
            }
            Path file = chosen.toPath();
            String name = file.getFileName().toString();
            // a name typed without an extension takes the chosen filter's
            if (!name.contains(".")) {
                ExportFormat format = chooser.getSelectedExtensionFilter() == json ? ExportFormat.JSON
                        : ExportFormat.CSV;
                file = file.resolveSibling(name + "." + format.extension());
            }
            return Optional.of(file);
        };
    }
}
