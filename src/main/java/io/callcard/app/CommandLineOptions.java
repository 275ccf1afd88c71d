package io.callcard.app;

import io.callcard.app.cli.HistoryCommand;
import io.callcard.app.cli.PortalCommand;
import io.callcard.app.cli.SandboxCommand;
import io.callcard.app.cli.ScenarioOption;
import io.callcard.sandbox.Scenario;
import io.callcard.wire.ListenerPort;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line. Bad values are refused here, with a message, before any window opens. */
@Command(name = "callcard", mixinStandardHelpOptions = true, versionProvider = CommandLineOptions.Version.class,
        sortOptions = false,
        description = "CallCard Companion: a desktop window that follows the Bitrix24 telephony call card.",
        footer = {"", "With no portal configured the companion runs against its built-in sandbox portal."})
final class CommandLineOptions implements Callable<StartupOptions> {

    /** Everything, subcommands included: for help, the version and the subcommands, which open no window. */
    static CommandLine withSubcommands() {
        return new CommandLine(new CommandLineOptions()).addSubcommand(new PortalCommand())
                .addSubcommand(new SandboxCommand()).addSubcommand(new HistoryCommand());
    }

    /**
     * The window's options only. Read while the toolkit starts, on the one other core: picocli then introspects one
     * class instead of every subcommand, which cost the first frame tens of milliseconds.
     */
    static CommandLine windowOptions() {
        return new CommandLine(new CommandLineOptions());
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sandbox", description = "Use the built-in sandbox portal (simulated calls).")
    boolean sandbox;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Keep settings, data and logs under DIR instead of the system's usual folders.")
    Path home;

    private Integer port;

    @Option(names = "--port", paramLabel = "N",
            description = "Loopback port of the local listener (default: from settings, else 48024; 0 = any free port).")
    void port(int value) {
        try {
            this.port = ListenerPort.requirePortOrAny(value);
        } catch (IllegalArgumentException notAPort) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + notAPort.getMessage());
        }
    }

    private Locale locale;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the window: en or ru (default: the system's).")
    void lang(String value) {
        if (!value.equals("en") && !value.equals("ru")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--lang': '" + value + "' (expected en or ru)");
        }
        this.locale = Locale.forLanguageTag(value);
    }

    private double sandboxSpeed = 1.0;

    @Option(names = "--sandbox-speed", paramLabel = "X",
            description = "Play the sandbox's calls X times faster than real time (default 1).")
    void sandboxSpeed(double value) {
        if (!(value > 0) || value > 1000 || Double.isNaN(value)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--sandbox-speed': " + value + " (expected more than 0, at most 1000)");
        }
        this.sandboxSpeed = value;
    }

    @Option(names = "--scenario", paramLabel = "NAME|FILE", converter = ScenarioOption.class,
            description = "The sandbox's calls: a built-in scenario (demo, full-day, campaign) or a scenario file.")
    private Scenario scenario;

    @Option(names = "--startup-probe", hidden = true,
            description = "Print start-up milestones and quit (used by the start-up benchmark).")
    boolean startupProbe;

    @Override
    public StartupOptions call() {
        AppPaths paths = home != null ? AppPaths.underHome(home) : AppPaths.forThisSystem();
        Locale chosen = locale != null ? locale : Locale.getDefault();
        return new StartupOptions(paths, port, sandbox, chosen, sandboxSpeed, startupProbe, scenario);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"CallCard Companion " + AppVersion.current()};
        }
    }
}
