package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDisplayState;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.config.FileSecretStore;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.listener.ListenerConfig;
import io.callcard.listener.SeedTransportLink;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.WebhookUrl;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SlowTest;
import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.shell.ShellViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callcard sandbox serve --legacy-placement-rest} as a separate process, playing its scenario on its own, and
 * the companion's seed transport start-up pointed at the webhook it printed, with the saved webhook and application
 * token as a user would have them: the status line names the seed transport as the live channel, and a call reaches
 * the tracker through both the getStatus poll and the CallCard events the portal posts to the bound handler.
 */
@SlowTest
class SeedTransportProcessTest {

    private static final Pattern WEBHOOK = Pattern.compile("Webhook URL:\\s+(\\S+)");
    private static final Pattern APPLICATION_TOKEN = Pattern.compile("Application token:\\s+(\\S+)");
    private static final String SCENARIO = "{\"name\": \"seed-e2e\", \"gapBetweenCallsSeconds\": 1, \"calls\": ["
            + "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg1\","
            + " \"ringSeconds\": 2, \"talkSeconds\": 4, \"crm\": {\"type\": \"contact\", \"id\": 5}},"
            + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"lineNumber\": \"sip1\", \"ringSeconds\": 2,"
            + " \"failedCode\": \"486\"}]}";

    @TempDir
    Path work;

    private Process serve;
    private ListenerFixture listener;
    private SeedTransportLink link;

    @AfterEach
    void stop() throws InterruptedException {
        if (link != null) {
            link.close();
        }
        if (listener != null) {
            listener.close();
        }
        if (serve != null) {
            serve.destroy(); // SIGTERM: its shutdown hook stops the card and the server
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void theCompanionFollowsTheServedCallCardByPollAndByBoundEventsAndNamesTheChannel() throws Exception {
        Path output = startServe();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        String webhookUrl = group(WEBHOOK, printed);
        String applicationToken = group(APPLICATION_TOKEN, printed);

        // the user's saved portal: the webhook in settings and the secret store, the application token beside it
        PortalCredentials.Webhook webhook = WebhookUrl.parse(webhookUrl);
        FileSecretStore secrets = FileSecretStore.open(work.resolve("config"));
        secrets.write(SecretKeys.WEBHOOK_URL, webhook.restBase());
        PortalSettings portal = PortalSettings.webhook(webhook.portal(), PortalSettings.RateLimit.STANDARD);
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(applicationToken));
        Calls calls = new Calls();
        listener.tracker().subscribe(update -> calls.record(update.event(), update.current()));
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        ShellViewModel shell = new ShellViewModel(messages, new CallCardViewModel(messages, Clock.systemUTC(),
                Runnable::run));

        link = SeedTransportStart.start(portal, secrets, listener.listener(),
                new SeedTransportStatus(shell, Runnable::run, portal.host(), shell.callCard()::attach)).orElseThrow();

        waitFor(() -> shell.statusTextProperty().get().startsWith("Live"),
                () -> "the status line; it says: " + shell.statusTextProperty().get());
        assertEquals("Live: the seed REST transport (placement.call) of 127.0.0.1",
                shell.statusTextProperty().get());
        assertTrue(link.isLive());
        waitFor(() -> calls.failedWith486() != null, () -> "a busy call on the tracker: " + calls);
        String busy = calls.failedWith486();
        assertTrue(calls.polled.contains(busy), "the poll saw the busy call: " + calls);
        waitFor(() -> calls.closing.contains(busy), () -> "its BeforeClose, posted to the bound handler: " + calls);
        assertTrue(serve.isAlive(), "sandbox serve still serving");
    }

    /** Starts {@code sandbox serve} and waits until it printed how to stop it; returns the file it prints to. */
    private Path startServe() throws IOException, InterruptedException {
        Path scenario = work.resolve("seed-e2e.json");
        Files.writeString(scenario, SCENARIO, StandardCharsets.UTF_8);
        Path home = Files.createDirectories(work.resolve("home"));
        Path output = work.resolve("serve.out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home); // its log folder, under the test's own folder
        command.add("-cp");
        command.add(mainClassPath());
        command.addAll(List.of("io.callcard.app.Launcher", "sandbox", "serve", "--legacy-placement-rest",
                "--speed", "4", "--seed", "3", "--scenario", scenario.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        serve = builder.start();
        waitFor(() -> Files.readString(output, StandardCharsets.UTF_8).contains("Stop with Ctrl+C.")
                || !serve.isAlive(), () -> "sandbox serve starting; it printed: " + read(output));
        assertTrue(serve.isAlive(), () -> "sandbox serve ended: " + read(output));
        return output;
    }

    /** The classes under test and their dependencies: this JVM's class path without the tests' own classes. */
    private static String mainClassPath() {
        String classPath = System.getProperty("java.class.path");
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), () -> pattern + " in: " + text);
        return matcher.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The calls the tracker showed: which the poll saw, which reached their close attempt, the last of each. */
    private static final class Calls {
        final Set<String> polled = ConcurrentHashMap.newKeySet();
        final Set<String> closing = ConcurrentHashMap.newKeySet();
        final Map<String, CallSnapshot> last = new ConcurrentHashMap<>();

        void record(CallEvent event, CallSnapshot now) {
            if (now.callId() == null) {
                return;
            }
            if (event instanceof CallEvent.StatusPolled) {
                polled.add(now.callId());
            }
            if (now.closing()) {
                closing.add(now.callId());
            }
            last.put(now.callId(), now);
        }

        /** A call that ended busy: the failure code only the bound CallStateChanged carries. */
        String failedWith486() {
            return last.entrySet().stream()
                    .filter(e -> e.getValue().phase() == CallDisplayState.FAILED
                            && "486".equals(e.getValue().failedCode()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return "polled " + polled + ", closing " + closing + ", last " + last.values();
        }
    }
}
