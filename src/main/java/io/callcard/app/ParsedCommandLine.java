package io.callcard.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The command line, read once: either options to start with, or an exit code with what picocli had to say
 * (help, version, or why an argument was refused).
 */
record ParsedCommandLine(StartupOptions options, int exitCode, String out, String err) {

    private static final List<String> INFORMATION = List.of("-h", "--help", "-V", "--version");
    private static final List<String> SUBCOMMANDS = List.of("portal", "sandbox", "history");

    static ParsedCommandLine parse(String[] args) {
        if (args.length == 0) {
            // the menu's start: nothing to read, and picocli's first use costs about 135 ms of CPU while the toolkit
            // starts on the other core; the options' own initial values are what picocli would leave them at
            return new ParsedCommandLine(new CommandLineOptions().call(), 0, "", "");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CommandLineOptions.windowOptions();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new ParsedCommandLine(code == 0 ? cli.getExecutionResult() : null, code, out.toString(),
                err.toString());
    }

    /**
     * Whether the command line asks for something other than the window (help, the version, a subcommand such as
     * {@code portal test}): then no toolkit must start, and the command runs in this thread.
     */
    static boolean runsWithoutWindow(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
            return true;
        }
        for (String arg : args) {
            if (INFORMATION.contains(arg)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the application should start (not help, version, or a refused argument). */
    boolean starts() {
        return options != null;
    }

    /** Print what picocli said, to the streams the user expects. */
    void report() {
        System.out.print(out);
        System.out.flush();
        System.err.print(err);
        System.err.flush();
    }
}
