package io.callcard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.SlowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux app-image as the build made it (target/dist/app), started the way a user starts it. */
@SlowTest
class AppImageIT {

    private static final Path APP = PackagedLaunch.distDir().resolve("app/CallCard-Companion");

    @Test
    void theLauncherShowsTheWindowASandboxCallOnTheCardAndStopsCleanly(@TempDir Path scratch) throws Exception {
        PackagedLaunch.Run run = PackagedLaunch.run(APP.resolve("bin/CallCard-Companion"), scratch);

        run.showedAFrameACallAndStoppedCleanly();
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
    void theLauncherNamesItsArchiveAndTheNoDelayOptionAndCarriesThePomsVersion() throws Exception {
        String cfg = Files.readString(APP.resolve("lib/app/CallCard-Companion.cfg"));
        assertTrue(cfg.contains("java-options=-XX:SharedArchiveFile=$APPDIR/callcard.jsa"), cfg);
        assertTrue(cfg.contains("java-options=-Dsun.net.httpserver.nodelay=true"), cfg);
        assertTrue(cfg.contains("java-options=-Djpackage.app-version=" + System.getProperty("project.version")), cfg);
        assertTrue(Files.size(APP.resolve("lib/app/callcard.jsa")) > 0, "the app-image's archive was made");
        ProcessBuilder version = new ProcessBuilder(APP.resolve("bin/CallCard-Companion").toString(), "--version")
                .redirectErrorStream(true);
        Process p = version.start();
        String printed = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor());
        assertEquals("CallCard Companion " + System.getProperty("project.version"), printed);
    }
}
