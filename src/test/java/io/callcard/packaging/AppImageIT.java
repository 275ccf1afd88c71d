package io.callcard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.SlowTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app-image as the build made it (target/dist/app), put somewhere else as an admin would unpack it, its
 * class-data-sharing archive made there ({@code lib/cds-archive.sh}), and started the way a user starts it.
 */
@SlowTest
class AppImageIT {

    private static final Path APP = PackagedLaunch.distDir().resolve("app/CallCard-Companion");

    @Test
    void movedAndGivenItsArchiveTheLauncherShowsTheWindowASandboxCallOnTheCardAndInTheHistory(@TempDir Path scratch)
            throws Exception {
        Path moved = scratch.resolve("somewhere/CallCard-Companion");
        Files.createDirectories(moved.getParent());
        run("cp", "-a", APP.toString(), moved.toString());
        run(moved.resolve("lib/cds-archive.sh").toString());
        assertTrue(Files.size(moved.resolve("lib/app/callcard.jsa")) > 0, "the archive made where the app-image lies");

        PackagedLaunch.Run run = PackagedLaunch.run(moved.resolve("bin/CallCard-Companion"), scratch);

        run.showedAFrameACallAndStoppedCleanly();
        run.recordedTheCallInTheHistory();
        assertTrue(run.log().contains("CallCard Companion " + System.getProperty("project.version") + " starting"),
                "the log names the pom's version");
        assertTrue(Files.isDirectory(run.userHome().resolve(".config/callcard-companion")),
                "settings in the user's XDG config folder");
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesNamedAndJavaFxIsNotOnTheClassPath() throws Exception {
        String release = Files.readString(APP.resolve("lib/runtime/release"));
        assertTrue(release.contains("javafx.controls"), release);
        assertTrue(release.contains("jdk.httpserver"), release);
        assertFalse(release.contains("java.compiler"), "a module nobody asked for: " + release);
        try (var jars = Files.list(APP.resolve("lib/app"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
            assertTrue(names.contains("callcard-companion-" + System.getProperty("project.version") + ".jar"), names::toString);
            assertFalse(names.contains("callcard.jar"), "the shaded jar (with JavaFX) is not packaged");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("javafx")), names::toString);
        }
    }

    @Test
    void itShipsTheClassListAndTheScriptNotAnArchiveTiedToTheBuildFoldersPath() throws Exception {
        assertTrue(Files.size(APP.resolve("lib/app/callcard.classlist")) > 0);
        assertTrue(Files.isExecutable(APP.resolve("lib/cds-archive.sh")));
        assertFalse(Files.exists(APP.resolve("lib/app/callcard.jsa")), "an archive only works where it was made");
    }

    @Test
    void itsLibrariesCarryOnlyThisPlatformsNatives() throws Exception {
        assertEquals(List.of("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"),
                nativesIn(APP.resolve("lib/app/sqlite-jdbc-" + System.getProperty("sqlite-jdbc.version") + ".jar")));
        try (var jars = Files.list(APP.resolve("lib/app"))) {
            Path jna = jars.filter(p -> p.getFileName().toString().matches("jna-\\d.*\\.jar")).findFirst()
                    .orElseThrow();
            assertEquals(List.of("com/sun/jna/linux-x86-64/libjnidispatch.so"), nativesIn(jna));
        }
    }

    @Test
    void theLauncherNamesItsArchiveAndTheNoDelayOptionAndCarriesThePomsVersion() throws Exception {
        String cfg = Files.readString(APP.resolve("lib/app/CallCard-Companion.cfg"));
        assertTrue(cfg.contains("java-options=-XX:SharedArchiveFile=$APPDIR/callcard.jsa"), cfg);
        assertTrue(cfg.contains("java-options=-Dsun.net.httpserver.nodelay=true"), cfg);
        // software drawing: no OpenGL driver (and LLVM) in the process, packaging/README.md
        assertTrue(cfg.contains("java-options=-Dprism.order=sw"), cfg);
        assertTrue(cfg.contains("java-options=-Djpackage.app-version=" + System.getProperty("project.version")), cfg);
        ProcessBuilder version = new ProcessBuilder(APP.resolve("bin/CallCard-Companion").toString(), "--version")
                .redirectErrorStream(true);
        Process p = version.start();
        String printed = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor());
        assertEquals("CallCard Companion " + System.getProperty("project.version"), printed);
    }

    private static List<String> nativesIn(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".a")
                            || n.endsWith(".jnilib"))
                    .sorted().toList();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ":\n" + out);
    }
}
