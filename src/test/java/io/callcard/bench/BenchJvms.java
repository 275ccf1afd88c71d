package io.callcard.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the benchmarks that start programs of their own (the companion as shipped, a bare JavaFX stage) build their
 * command lines, so both programs always get the same JVM, display and options.
 */
final class BenchJvms {

    private BenchJvms() {
    }

    /** The companion's shipped jar; the bench profile runs after {@code package}. */
    static Path appJar() {
        return Path.of("target", "callcard.jar").toAbsolutePath();
    }

    /**
     * The JVM options a real Linux user's launch gets: each {@code --java-options} of
     * {@code packaging/jpackage-common.args} and of {@code packaging/linux/app-image.args} (what the jpackage launcher
     * passes), but those naming a file inside the installed application ({@code $APPDIR}), which the benchmarks' own
     * JVMs do not have. The benchmarks give them to the companion and the bare stage alike.
     * {@code -Dbench.argsFile=FILE} reads another file instead of the first, to measure the effect of a change.
     */
    static List<String> shippedOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (Path args : List.of(Path.of(System.getProperty("bench.argsFile", "packaging/jpackage-common.args")),
                Path.of("packaging/linux/app-image.args"))) {
            for (String line : Files.readAllLines(args)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("--java-options ") && !trimmed.contains("$APPDIR")) {
                    options.add(trimmed.substring("--java-options ".length()).strip());
                }
            }
        }
        return List.copyOf(options);
    }

    /**
     * The environment a real user's launch gets: the {@code NAME=VALUE} words of the menu entry's command
     * ({@code Exec=env GDK_GL=disable ...} in {@code packaging/linux/CallCard-Companion.desktop}), which is how agents
     * start the companion. The benchmarks give them to the companion and the bare stage alike.
     */
    static Map<String, String> shippedEnvironment() throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("packaging/linux/CallCard-Companion.desktop"))) {
            if (line.startsWith("Exec=env ")) {
                for (String word : line.substring("Exec=env ".length()).split(" +")) {
                    int equals = word.indexOf('=');
                    if (equals <= 0) {
                        break;
                    }
                    environment.put(word.substring(0, equals), word.substring(equals + 1));
                }
            }
        }
        return Map.copyOf(environment);
    }

    /** The JVM options and the environment of a real launch, as the reports print them. */
    static String describeLaunch(List<String> options) throws IOException {
        List<String> words = new ArrayList<>();
        shippedEnvironment().forEach((name, value) -> words.add(name + "=" + value));
        return String.join(" ", options) + (words.isEmpty() ? "" : "; environment " + String.join(" ", words));
    }

    /** A process of {@code command} with the shipped environment ({@link #shippedEnvironment()}) added to this one's. */
    static ProcessBuilder launch(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(shippedEnvironment());
        return pb;
    }

    /** {@code java}, the JVM options, the class path's display options, then the main class and its arguments. */
    static List<String> command(String classPath, List<String> jvmOptions, List<String> mainAndArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        if (System.getenv("DISPLAY") == null) {
            cmd.addAll(Arrays.asList("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k"));
        }
        cmd.addAll(mainAndArgs);
        return cmd;
    }

    /** The bare stage's class path: its own jar, this build's JavaFX jars, and Monocle when headless. */
    static String bareClassPath(Path bareJar) {
        return join(bareJar, javafxJars(), headlessJars());
    }

    /** The companion's class path: its jar (which carries JavaFX), and Monocle when headless. */
    static String appClassPath() {
        return join(appJar(), List.of(), headlessJars());
    }

    /** The baseline as a jar of its own: class-data sharing refuses directories on the class path. */
    static Path bareJar(Path jar) throws IOException {
        return probeJar(jar, BareStageProbe.class);
    }

    /** A probe's classes (it and its nested classes) as a jar of their own. */
    static Path probeJar(Path jar, Class<?> probe) throws IOException {
        Path classes = Path.of("target", "test-classes");
        String prefix = probe.getName().replace('.', '/');
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.startsWith(prefix)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    /** The JavaFX jars of this build (the companion's jar carries its own copy). */
    private static List<Path> javafxJars() {
        return classPathJars().stream().filter(p -> p.getFileName().toString().startsWith("javafx-"))
                .collect(Collectors.toList());
    }

    /** Monocle, when there is no display: both programs get it, so it weighs on both alike. */
    private static List<Path> headlessJars() {
        if (System.getenv("DISPLAY") != null) {
            return List.of();
        }
        return classPathJars().stream().filter(p -> p.getFileName().toString().startsWith("openjfx-monocle"))
                .collect(Collectors.toList());
    }

    private static List<Path> classPathJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> s.endsWith(".jar")).map(Path::of).collect(Collectors.toList());
    }

    private static String join(Path first, List<Path> more, List<Path> evenMore) {
        List<String> all = new ArrayList<>();
        all.add(first.toString());
        more.forEach(p -> all.add(p.toString()));
        evenMore.forEach(p -> all.add(p.toString()));
        return String.join(File.pathSeparator, all);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The median of each run's ratio to the baseline run just before it ({@code app.get(i) / baseline.get(i)}):
     * robust when the machine's load drifts during a bench.
     */
    static double pairedRatio(List<Long> app, List<Long> baseline) {
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < app.size(); i++) {
            paired.add((double) app.get(i) / baseline.get(i));
        }
        return medianOf(paired);
    }

    static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String displayMode() {
        String display = System.getenv("DISPLAY");
        return display == null ? "headless Monocle, software rendering" : "display " + display;
    }
}
