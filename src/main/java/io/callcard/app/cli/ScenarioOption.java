package io.callcard.app.cli;

import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.ScenarioFileException;
import io.callcard.sandbox.Scenarios;
import picocli.CommandLine;

/**
 * {@code --scenario NAME|FILE} for every command that plays the sandbox's calls: a built-in scenario by name or a
 * scenario file, refused at once with the file, call and field that are wrong.
 */
public final class ScenarioOption implements CommandLine.ITypeConverter<Scenario> {

    @Override
    public Scenario convert(String value) {
        try {
            return Scenarios.byNameOrFile(value);
        } catch (ScenarioFileException e) {
            // picocli words it "Invalid value for option '--scenario': <this>"
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
