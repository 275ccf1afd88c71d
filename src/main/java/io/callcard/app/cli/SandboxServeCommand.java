package io.callcard.app.cli;

import io.callcard.sandbox.BuiltInScenarios;
import io.callcard.sandbox.SandboxPortal;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.rest.LegacyCallCardPlayer;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.wire.ListenerPort;
import io.callcard.threads.BackgroundThreads;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callcard sandbox serve}: the simulated portal standalone, so a second companion, or curl exactly as in the
 * seed pages, can talk to it. Prints the webhook URL and the application's credentials, then serves until stopped.
 * With {@code --legacy-placement-rest} it also plays its scenario on the seed transport's call card on its own
 * ({@link LegacyCallCardPlayer}): {@code placement.call getStatus} answers the live card and bound handlers receive
 * its events; {@code --push-to} sends the same calls as the widget would, to one companion's listener.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the sandbox portal's REST API (and optionally push simulated calls) until stopped.")
public final class SandboxServeCommand implements Callable<Integer> {

    /** Where a companion's listener takes the portal's event posts (its /bitrix/events route). */
    static final String TELEPHONY_EVENTS_PATH = "bitrix/events";
    /** How long Ctrl+C waits for the calls and the server to stop before the JVM halts anyway. */
    private static final Duration STOP_WAIT = Duration.ofMillis(800);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int port;

    @Option(names = "--port", paramLabel = "N", description = "Loopback port (default: any free port).")
    void port(int value) {
        try {
            port = ListenerPort.requirePortOrAny(value);
        } catch (IllegalArgumentException notAPort) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + notAPort.getMessage());
        }
    }

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated CRM and calls (default 1).")
    long seed = 1;

    private double speed = 1.0;

    @Option(names = "--speed", paramLabel = "X", description = "Play calls X times faster than real time.")
    void speed(double value) {
        if (!(value > 0) || value > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--speed': " + value + " (expected more than 0, at most 1000)");
        }
        speed = value;
    }

    @Option(names = "--telephony-events",
            description = "With --push-to, also post each call's ONVOXIMPLANTCALL* events to the listener's"
                    + " bitrix/events, signed with the printed application token.")
    boolean telephonyEvents;

    @Option(names = "--legacy-placement-rest",
            description = "Answer placement.call and placement.bindEvent as the seed pages describe"
                    + " (today's Bitrix24 refuses them), and play the scenario on that call card: getStatus answers"
                    + " the live call, bound handlers receive its events.")
    boolean legacyPlacementRest;

    private URI pushTo;

    @Option(names = "--push-to", paramLabel = "URL",
            description = "A companion's listener (e.g. http://127.0.0.1:48024/) to receive the simulated calls.")
    void pushTo(String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value : value + "/");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--push-to': '" + value + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--push-to': '" + value + "' (expected http://HOST:PORT/)");
        }
        pushTo = uri;
    }

    @Option(names = "--scenario", paramLabel = "NAME|FILE", converter = ScenarioOption.class,
            description = "Calls to play: a built-in scenario (demo, full-day, campaign) or a scenario file.")
    private Scenario scenario; // null: the demo, loaded only when playing (picocli makes this object at every start)

    /** Released by Ctrl+C (a shutdown hook) or by a test. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Released once the simulated calls and the server stopped: the hook waits for it, or the JVM halts midway. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (telephonyEvents && pushTo == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--telephony-events needs --push-to: the events go to that listener");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            return serve(out);
        } finally {
            stopped.countDown();
        }
    }

    private int serve(PrintWriter out) throws InterruptedException {
        try (SandboxRestServer server = SandboxRestServer.builder().port(port).seed(seed)
                .legacyPlacementRest(legacyPlacementRest).start()) {
            out.println("Sandbox portal on " + server.baseUri());
            server.printableFacts().forEach(out::println);
            // a first token pair, as an installed application would hold, so the OAuth form can be tried at once
            OAuthTokens tokens = server.issueTokens();
            out.println("Access token:       " + tokens.accessToken() + " (valid " + tokens.lifetime().toMinutes()
                    + " min)");
            out.println("Refresh token:      " + tokens.refreshToken());
            SandboxPortal calls = null;
            LegacyCallCardPlayer card = null;
            Scenario played = scenario != null ? scenario : pushTo != null || legacyPlacementRest
                    ? BuiltInScenarios.demo() : null;
            if (legacyPlacementRest) {
                card = new LegacyCallCardPlayer(server, played, seed, speed);
                if (pushTo != null) {
                    card.withoutCallRecords(); // the widget's portal below plays the same calls and records them
                }
                card.start();
                out.println("Playing scenario '" + played.name() + "' on the call card of placement.call; handlers"
                        + " bound with placement.bindEvent receive its events");
            }
            if (pushTo != null) {
                calls = new SandboxPortal(pushTo, played, seed, speed).recordCallsIn(server); // its statistics agree
                out.println("Pushing scenario '" + played.name() + "' to " + pushTo + " as the call card widget");
                if (telephonyEvents) {
                    URI events = pushTo.resolve(TELEPHONY_EVENTS_PATH);
                    calls.sendTelephonyEvents(events, server.application());
                    out.println("and its telephony events to " + events + " (the companion needs the application"
                            + " token above: callcard portal app-token)");
                }
                calls.start();
            }
            out.println("Stop with Ctrl+C.");
            out.flush();
            Thread hook = BackgroundThreads.shutdownHook("sandbox-serve-stop", this::stopAndWait);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } finally {
                if (calls != null) {
                    calls.close();
                }
                if (card != null) {
                    card.close();
                }
                removeHook(hook);
            }
        }
        return 0;
    }

    /** On Ctrl+C or SIGTERM: releases the serving thread and gives it a moment to stop everything in order. */
    private void stopAndWait() {
        stop.countDown();
        try {
            stopped.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook has run or will
        }
    }
}
