package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        CommandLine cli = CommandLineOptions.withSubcommands();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli;
    }

    @Test
    void optionsAreParsed() {
        CommandLine cli = cli();
        int code = cli.execute("--home", "/tmp/cc", "--port", "0", "--sandbox", "--lang", "ru",
                "--sandbox-speed", "20");
        StartupOptions o = cli.getExecutionResult();
        assertEquals(0, code);
        assertEquals(Path.of("/tmp/cc/config"), o.paths().configDir());
        assertEquals(0, o.port());
        assertTrue(o.sandbox());
        assertEquals("ru", o.locale().getLanguage());
        assertEquals(20.0, o.sandboxSpeed());
        assertFalse(o.startupProbe());
        assertFalse(o.trainingRun());
    }

    @Test
    void theTrainingRunIsAskedForByItsHiddenOption() {
        CommandLine cli = cli();
        assertEquals(0, cli.execute("--training-run", "--sandbox"));
        assertTrue(((StartupOptions) cli.getExecutionResult()).trainingRun());
    }

    @Test
    void noPortMeansTheSettingsDecide() {
        CommandLine cli = cli();
        cli.execute("--home", "/tmp/cc");
        assertNull(((StartupOptions) cli.getExecutionResult()).port());
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        CommandLine cli = cli();
        assertEquals(0, cli.execute("--help"));
        assertNull(cli.getExecutionResult());
        assertTrue(out.toString().contains("--home"), out.toString());
        assertTrue(out.toString().contains("--port"));
        assertFalse(out.toString().contains("--startup-probe"), "internal options stay hidden");
        assertFalse(out.toString().contains("--training-run"), "internal options stay hidden");
        assertTrue(out.toString().contains("portal") && out.toString().contains("sandbox"), "subcommands listed");
    }

    @Test
    void versionPrintsTheProductVersion() {
        CommandLine cli = cli();
        assertEquals(0, cli.execute("--version"));
        assertTrue(out.toString().startsWith("CallCard Companion "), out.toString());
        assertFalse(out.toString().contains("${"), "the version must be filled in by the build");
    }

    @Test
    void aPortOutOfRangeIsRefusedWithAReason() {
        CommandLine cli = cli();
        assertEquals(2, cli.execute("--port", "70000"));
        assertTrue(err.toString().contains("70000 is not a port"), err.toString());
        assertNull(cli.getExecutionResult());
    }

    @Test
    void anUnsupportedLanguageIsRefused() {
        assertEquals(2, cli().execute("--lang", "de"));
        assertTrue(err.toString().contains("expected en or ru"), err.toString());
    }

    @Test
    void aNonPositiveSandboxSpeedIsRefused() {
        assertEquals(2, cli().execute("--sandbox-speed", "0"));
        assertEquals(2, cli().execute("--sandbox-speed", "NaN"));
    }

    @Test
    void aBuiltInScenarioIsChosenByName() {
        CommandLine cli = cli();
        assertEquals(0, cli.execute("--scenario", "full-day"));
        assertEquals("full-day", ((StartupOptions) cli.getExecutionResult()).scenario().name());
    }

    @Test
    void noScenarioMeansTheDemo() {
        CommandLine cli = cli();
        cli.execute();
        assertNull(((StartupOptions) cli.getExecutionResult()).scenario());
    }

    @Test
    void aScenarioThatIsNeitherNamedNorAFileIsRefusedWithTheChoices() {
        assertEquals(2, cli().execute("--scenario", "no-such-scenario"));
        assertTrue(err.toString().contains("neither a built-in scenario (demo, full-day, campaign)"), err.toString());
    }

    @Test
    void aBrokenScenarioFileIsRefusedNamingTheCallAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"name\":\"mine\",\"calls\":[{\"direction\":\"incoming\",\"caller\":\"hidden\","
                + "\"ringSeconds\":2,\"talkSeconds\":-4}]}");
        assertEquals(2, cli().execute("--scenario", file.toString()));
        assertTrue(err.toString().contains("call 1"), err.toString());
        assertTrue(err.toString().contains("talkSeconds"), err.toString());
    }

    @Test
    void unknownOptionsAreRefused() {
        assertEquals(2, cli().execute("--frobnicate"));
        assertTrue(err.toString().contains("--frobnicate"));
    }
}
