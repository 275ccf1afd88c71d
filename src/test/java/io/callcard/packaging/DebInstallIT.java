package io.callcard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callcard.testing.SlowTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb installed for real with {@code dpkg -i}, as an administrator installs it, where CI runs as root: the
 * post-install script makes the class-data-sharing archive and the menu entry, the installed launcher shows a frame
 * and a sandbox call (on the card and in the history), and {@code dpkg --purge} takes away everything it installed
 * while the agent's settings, history and logs stay. Only under CI as root, and never over a companion installed on
 * this machine before (the test would remove it): elsewhere {@link DebPackageIT} checks the same package unpacked.
 */
@SlowTest
class DebInstallIT {

    private static final String PACKAGE = "callcard-companion";
    private static final Path INSTALLED = Path.of("/opt/callcard-companion");
    private static final Path MENU_ENTRY = Path.of("/usr/share/applications/callcard-companion-CallCard-Companion.desktop");

    @Test
    void installedByDpkgItRunsAndPurgedItLeavesTheAgentsFoldersAlone(@TempDir Path run) throws Exception {
        assumeTrue("true".equals(System.getenv("CI")), "a real installation only under CI");
        assumeTrue("0".equals(command("id", "-u").out().strip()), "dpkg -i needs root");
        assumeTrue(command("dpkg-query", "-W", PACKAGE).code() != 0,
                "a companion is installed on this machine already: left alone");
        Path deb;
        try (Stream<Path> files = Files.list(PackagedLaunch.distDir())) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        try {
            Result installed = command("dpkg", "-i", deb.toString());
            assertEquals(0, installed.code(), installed.said());
            assertTrue(command("dpkg-query", "-W", "-f=${Status}", PACKAGE).out().contains("install ok installed"));
            assertTrue(Files.size(INSTALLED.resolve("lib/app/callcard.jsa")) > 0, "the archive made by postinst");
            assertTrue(Files.exists(MENU_ENTRY), "the menu entry installed by postinst");

            // started as the menu starts it: the installed entry's own command
            Path launcher = INSTALLED.resolve("bin/CallCard-Companion");
            List<String> menu = PackagedLaunch.menuCommand(Files.readString(MENU_ENTRY));
            assertEquals(List.of("env", "GDK_GL=disable", INSTALLED.resolve("lib/menu-start.sh").toString()), menu,
                    "the menu entry's command");
            PackagedLaunch.Run launched = PackagedLaunch.run(menu, launcher, run);
            launched.showedAFrameACallAndStoppedCleanly();
            assertEquals(List.of(), launched.packageManagers().queries(), "the menu's start asks no package manager");
            launched.recordedTheCallInTheHistory();
            Path agentData = launched.userHome().resolve(".local/share/callcard-companion");
            List<Path> kept = List.of(agentData.resolve("history.db"),
                    launched.userHome().resolve(".local/state/callcard-companion/logs/callcard.log"));
            kept.forEach(file -> assertTrue(Files.exists(file), "written by the run: " + file));

            Result purged = command("dpkg", "--purge", PACKAGE);
            assertEquals(0, purged.code(), purged.said());
            assertFalse(Files.exists(INSTALLED), "everything under /opt is gone, the archive made there too");
            assertFalse(Files.exists(MENU_ENTRY), "the menu entry is gone");
            kept.forEach(file -> assertTrue(Files.exists(file), "the agent's file stays: " + file));
        } finally {
            if (command("dpkg-query", "-W", PACKAGE).code() == 0) {
                command("dpkg", "--purge", PACKAGE); // a failed assertion leaves no installation behind
            }
        }
    }

    /** A command's exit code, its output, and both with the command for a failure's message. */
    private record Result(int code, String out, String said) {
    }

    private static Result command(String... words) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        return new Result(code, out, String.join(" ", words) + " -> " + code + ":\n" + out);
    }
}
