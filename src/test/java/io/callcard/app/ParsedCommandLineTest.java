package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParsedCommandLineTest {

    @Test
    void helpAndVersionAreRecognisedBeforeAnyToolkitStarts() {
        assertTrue(ParsedCommandLine.runsWithoutWindow(new String[] {"--port", "1", "--help"}));
        assertTrue(ParsedCommandLine.runsWithoutWindow(new String[] {"-V"}));
        assertFalse(ParsedCommandLine.runsWithoutWindow(new String[] {"--home", "/tmp/x"}));
    }

    @Test
    void theHistoryCommandsRunWithoutTheWindow() {
        assertTrue(ParsedCommandLine.runsWithoutWindow(new String[] {"history", "stats"}));
        assertTrue(ParsedCommandLine.runsWithoutWindow(new String[] {"sandbox", "seed", "--calls", "10"}));
    }

    @Test
    void goodArgumentsStartTheApplication() {
        ParsedCommandLine cli = ParsedCommandLine.parse(new String[] {"--home", "/tmp/cc", "--port", "0"});
        assertTrue(cli.starts());
        assertEquals(0, cli.exitCode());
        assertEquals(0, cli.options().port());
        assertEquals("", cli.err());
    }

    @Test
    void noArgumentsTheMenusStartGiveWhatPicocliGivesForNone() {
        CommandLine picocli = CommandLineOptions.windowOptions();
        assertEquals(0, picocli.execute());
        StartupOptions read = picocli.getExecutionResult();

        ParsedCommandLine cli = ParsedCommandLine.parse(new String[0]);

        assertTrue(cli.starts());
        assertEquals(0, cli.exitCode());
        assertEquals(read, cli.options());
        assertEquals(AppPaths.forThisSystem(), cli.options().paths());
        assertNull(cli.options().port(), "the port in the settings");
        assertFalse(cli.options().sandbox() || cli.options().startupProbe() || cli.options().trainingRun());
    }

    @Test
    void aRefusedArgumentKeepsPicoclisReasonForTheUser() {
        ParsedCommandLine cli = ParsedCommandLine.parse(new String[] {"--port", "-5"});
        assertFalse(cli.starts());
        assertNull(cli.options());
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("-5 is not a port"), cli.err());
        assertTrue(cli.err().contains("Usage: callcard"), "the usage follows the reason");
    }

    @Test
    void versionIsPrintedToStandardOutput() {
        ParsedCommandLine cli = ParsedCommandLine.parse(new String[] {"--version"});
        assertFalse(cli.starts());
        assertEquals(0, cli.exitCode());
        assertTrue(cli.out().startsWith("CallCard Companion "), cli.out());
    }
}
