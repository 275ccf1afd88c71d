package io.callcard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.testing.Eventually;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a packaged launcher as an agent's menu would, under a virtual display (xvfb-run) and on a temporary home
 * folder (HOME and the XDG folders point into it, so the companion uses the folders it uses for real), in the sandbox
 * with {@code --training-run}: it prints its milestones and quits once the first call on the card has ended.
 * {@code -Xshare:on} makes the JVM refuse to start unless the launcher's class-data-sharing archive is usable.
 * {@code rpm} and {@code dpkg} are found first on the PATH as stand-ins that note each query, then hand it on to the
 * real command: which start asks the package managers, and which does not (packaging/README.md: the menu's start).
 */
final class PackagedLaunch {

    /** What the run printed, the listener's answer while it ran, and how it ended. */
    record Run(Path launcher, List<String> out, String err, int exitCode, int healthStatus, String healthBody,
               Path userHome, PackageManagers packageManagers) {

        /** The lines the companion printed, in order, as the training run promises them. */
        void showedAFrameACallAndStoppedCleanly() {
            assertEquals(0, exitCode, () -> "exit code; stderr:\n" + err + "\nstdout:\n" + out);
            List<String> expected = List.of("FIRST_FRAME", "SERVICES_READY", "CALL_ON_CARD CONNECTING",
                    "CALL_ON_CARD CONNECTED", "CALL_ON_CARD ENDED", "TRAINING_DONE");
            List<String> seen = out.stream().map(l -> l.startsWith("SERVICES_READY") ? "SERVICES_READY" : l)
                    .filter(expected::contains).toList();
            assertEquals(expected, seen, () -> "milestones; stderr:\n" + err);
            assertEquals(200, healthStatus, "GET /health while it ran");
            assertTrue(healthBody.contains("\"callcard-companion\""), healthBody);
        }

        /**
         * The call the run showed, as the history holds it: {@code history export --format json} run by the same
         * launcher on the same home folder, as an agent or an admin would.
         */
        void recordedTheCallInTheHistory() throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "history", "export", "--format", "json");
            environment(pb, userHome, packageManagers);
            Process export = pb.start();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(export.getErrorStream()));
            String json = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, export.waitFor(), () -> "history export; stderr:\n" + new String(errors.join()));
            JsonNode calls = new ObjectMapper().readTree(json);
            assertEquals(1, calls.size(), () -> "one call in the history: " + json);
            JsonNode call = calls.get(0);
            assertTrue(call.get("call_id").asText().startsWith("sandbox."), json);
            assertEquals("ANSWERED", call.get("outcome").asText(), json);
            assertTrue(call.hasNonNull("connected_at") && call.hasNonNull("ended_at"), "connected and ended: " + json);
            assertTrue(call.get("number").asText().startsWith("+"), "the caller in E.164: " + json);
        }

        /** The companion's log, where an agent's is: ~/.local/state/callcard-companion/logs. */
        String log() throws IOException {
            return Files.readString(userHome.resolve(".local/state/callcard-companion/logs/callcard.log"));
        }
    }

    private static final Pattern PORT = Pattern.compile("^SERVICES_READY port=(\\d+)$", Pattern.MULTILINE);

    private PackagedLaunch() {
    }

    static Run run(Path launcher, Path scratch) throws IOException, InterruptedException, ExecutionException {
        return run(List.of(launcher.toString()), launcher, scratch);
    }

    /** Runs {@code command} (a menu entry's, which ends with {@code launcher}) as {@link #run(Path, Path)} does. */
    static Run run(List<String> command, Path launcher, Path scratch)
            throws IOException, InterruptedException, ExecutionException {
        Path home = Files.createDirectories(scratch.resolve("home"));
        PackageManagers packageManagers = PackageManagers.notedIn(scratch);
        Path out = scratch.resolve("stdout.txt");
        Path err = scratch.resolve("stderr.txt");
        List<String> words = new ArrayList<>(List.of("xvfb-run", "--auto-servernum",
                "--server-args=-screen 0 1280x800x24"));
        words.addAll(command);
        words.addAll(List.of("--training-run", "--sandbox", "--sandbox-speed", "4", "--port", "0", "--lang", "en"));
        ProcessBuilder pb = new ProcessBuilder(words).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(pb, home, packageManagers);
        Process process = pb.start();
        try {
            Eventually.waitFor(() -> PORT.matcher(read(out)).find() || !process.isAlive(),
                    () -> "the listener to be ready; stdout so far:\n" + read(out) + "\nstderr:\n" + read(err));
            Matcher port = PORT.matcher(read(out));
            int status = -1;
            String body = "";
            if (port.find()) {
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.group(1) + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = health.statusCode();
                body = health.body();
            }
            int code = Eventually.result(process.onExit(), "the companion to quit after its call").exitValue();
            return new Run(launcher, read(out).lines().toList(), read(err), code, status, body, home,
                    packageManagers);
        } finally {
            // only when something failed: the run quits by itself
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    /** The agent's home folder (HOME, no XDG overrides), and the archive required: the JVM refuses to start without. */
    private static void environment(ProcessBuilder pb, Path home, PackageManagers packageManagers) {
        Map<String, String> env = pb.environment();
        env.put("PATH", packageManagers.folder() + File.pathSeparator + env.get("PATH"));
        env.put("HOME", home.toString());
        env.keySet().removeIf(name -> name.startsWith("XDG_"));
        // Java takes the home folder from the user database, not from HOME
        env.put("JAVA_TOOL_OPTIONS", "-Xshare:on -Duser.home=" + home);
    }

    /** The stand-ins for {@code rpm} and {@code dpkg} in {@code folder}, and the {@code log} where they note each query. */
    record PackageManagers(Path folder, Path log) {

        private static final List<String> COMMANDS = List.of("rpm", "dpkg");

        static PackageManagers notedIn(Path scratch) throws IOException {
            Path folder = Files.createDirectories(scratch.resolve("package-managers"));
            Path log = scratch.resolve("package-manager-queries.txt");
            for (String command : COMMANDS) {
                // the real command where this machine has one; else failing as a missing command fails in a shell
                String handOn = real(command, folder).map(path -> "exec '" + path + "' \"$@\"").orElse("exit 127");
                Path stand = folder.resolve(command);
                Files.writeString(stand, "#!/bin/sh\necho \"" + command + " $*\" >> '" + log + "'\n" + handOn + "\n",
                        StandardCharsets.UTF_8);
                stand.toFile().setExecutable(true);
            }
            return new PackageManagers(folder, log);
        }

        /** Every query noted so far, one line each: the command and its arguments. */
        List<String> queries() throws IOException {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        }

        private static Optional<Path> real(String command, Path standIns) {
            return Arrays.stream(System.getenv("PATH").split(File.pathSeparator)).map(Path::of)
                    .filter(dir -> !dir.equals(standIns)).map(dir -> dir.resolve(command))
                    .filter(Files::isExecutable).findFirst();
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * The command of a desktop entry's {@code Exec=} line, as a menu runs it: its words, without the field codes
     * ({@code %U} and the like) that stand for files or addresses a menu would pass.
     */
    static List<String> menuCommand(String desktopEntry) {
        String exec = desktopEntry.lines().filter(line -> line.startsWith("Exec=")).findFirst()
                .orElseThrow(() -> new AssertionError("no Exec= line in:\n" + desktopEntry));
        return Arrays.stream(exec.substring("Exec=".length()).strip().split(" +"))
                .filter(word -> !word.startsWith("%")).toList();
    }

    /** The folder the build put its packages in (target/dist), as the dist profile passes it. */
    static Path distDir() {
        String dir = Optional.ofNullable(System.getProperty("dist.dir"))
                .orElseThrow(() -> new IllegalStateException("run through ./mvnw verify (the dist profile sets dist.dir)"));
        return Path.of(dir);
    }
}
