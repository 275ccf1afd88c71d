package io.callcard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/linux/menu-start.sh}, the menu's start of the Linux packages, run by bash in an app-image's layout
 * whose runtime and launcher are stand-ins that print how they were called: the command it builds from the launcher's
 * configuration, and the launcher it hands over to whenever the configuration holds anything it does not know.
 * The packaged-app tests start the real packages through it.
 */
@EnabledOnOs(OS.LINUX)
class MenuStartScriptTest {

    private static final String CONFIGURATION = """
            [Application]
            app.classpath=$APPDIR/app-1.0.jar
            app.mainclass=org.example.Main
            app.classpath=$APPDIR/with space.jar

            [JavaOptions]
            java-options=-Djpackage.app-version=1.0
            java-options=-XX:SharedArchiveFile=$APPDIR/app.jsa
            java-options=-Dprism.order=sw
            """;

    @TempDir
    Path dir;
    private Path image;
    private Path app;

    @BeforeEach
    void anAppImageWithStandIns() throws IOException {
        image = dir.resolve("Some App");
        app = Files.createDirectories(image.resolve("lib/app"));
        Files.copy(Path.of("packaging/linux/menu-start.sh"), image.resolve("lib/menu-start.sh"));
        executable(image.resolve("lib/menu-start.sh"));
        script(image.resolve("lib/runtime/bin/java"), "java");
        script(image.resolve("bin/App"), "launcher");
        Files.writeString(app.resolve("App.cfg"), CONFIGURATION, StandardCharsets.UTF_8);
    }

    @Test
    void itStartsTheRuntimesJvmWithTheConfigurationsOptionsClassPathAndMainClassThenTheArguments() throws Exception {
        List<String> called = start(image.resolve("lib/menu-start.sh"), "--home", "my folder", "");

        assertEquals(List.of("java", "-Djpackage.app-version=1.0", "-XX:SharedArchiveFile=" + app + "/app.jsa",
                "-Dprism.order=sw", "-Djpackage.app-path=" + image + "/bin/App", "-cp",
                app + "/app-1.0.jar:" + app + "/with space.jar", "org.example.Main", "--home", "my folder", ""),
                called);
    }

    @Test
    void startedThroughALinkElsewhereItStillFindsItsAppImage() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("app"),
                image.resolve("lib/menu-start.sh"));

        List<String> called = start(link, "--version");

        assertEquals("java", called.get(0));
        assertEquals(List.of("org.example.Main", "--version"), called.subList(called.size() - 2, called.size()));
    }

    @Test
    void aConfigurationWithAnythingItDoesNotKnowIsLeftToTheLauncher() throws Exception {
        for (String unknown : List.of("[ArgOptions]\narguments=--x", "[Application]\napp.runtime=/elsewhere",
                "[JavaOptions]\njava-options=-Dbin=$BINDIR/x", "[Application]\napp.mainmodule=org.example/Main")) {
            Files.writeString(app.resolve("App.cfg"), CONFIGURATION + unknown + "\n", StandardCharsets.UTF_8);

            assertEquals(List.of("launcher", "--lang", "ru"), start(image.resolve("lib/menu-start.sh"), "--lang", "ru"),
                    unknown);
        }
    }

    @Test
    void withoutTheRuntimesJvmOrAMainClassTheLauncherStartsIt() throws Exception {
        Files.writeString(app.resolve("App.cfg"), CONFIGURATION.replace("app.mainclass=org.example.Main\n", ""),
                StandardCharsets.UTF_8);
        assertEquals(List.of("launcher", "a"), start(image.resolve("lib/menu-start.sh"), "a"));

        Files.writeString(app.resolve("App.cfg"), CONFIGURATION, StandardCharsets.UTF_8);
        Files.delete(image.resolve("lib/runtime/bin/java"));
        assertEquals(List.of("launcher", "b"), start(image.resolve("lib/menu-start.sh"), "b"));
    }

    @Test
    void twoConfigurationsAreRefusedWithAReason() throws Exception {
        Files.writeString(app.resolve("Other.cfg"), CONFIGURATION, StandardCharsets.UTF_8);

        Process p = new ProcessBuilder(image.resolve("lib/menu-start.sh").toString()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(1, p.waitFor());
        assertTrue(err.contains("expected one launcher configuration in " + app), err);
        assertEquals(0, p.getInputStream().readAllBytes().length, "nothing started");
    }

    /** The words the stand-in that was started printed: its own name, then each argument it got. */
    private static List<String> start(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String[] words = out.split("\u0000", -1); // the last NUL ends the last word
        return List.of(words).subList(0, words.length - 1);
    }

    /** A stand-in that prints its name and its arguments, each ended by a NUL (arguments may hold spaces, or be empty). */
    private static void script(Path file, String name) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nprintf '%s\\0' " + name + " \"$@\"\n", StandardCharsets.UTF_8);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
