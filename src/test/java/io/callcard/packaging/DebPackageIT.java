package io.callcard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.CallCardApp;
import io.callcard.testing.SlowTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb as the build made it (target/dist): its metadata read with dpkg-deb, then unpacked into a throwaway root
 * with {@code dpkg -x}, set up as its post-install script does, and its installed launcher started.
 */
@SlowTest
class DebPackageIT {

    private static final String INSTALL = "opt/callcard-companion";
    private static final String VERSION = System.getProperty("project.version");
    /** The menu entry's file name, as jpackage names it. */
    private static final String MENU_ENTRY = "callcard-companion-CallCard-Companion.desktop";

    @TempDir
    static Path scratch;
    private static Path deb;
    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        try (Stream<Path> files = Files.list(PackagedLaunch.distDir())) {
            List<Path> debs = files.filter(p -> p.toString().endsWith(".deb")).toList();
            assertEquals(1, debs.size(), debs::toString);
            deb = debs.get(0);
        }
        root = Files.createDirectories(scratch.resolve("root"));
        run("dpkg", "-x", deb.toString(), root.toString());
        run("dpkg-deb", "-e", deb.toString(), scratch.resolve("control").toString());
    }

    @Test
    void itsFileNameAndControlFieldsCarryTheNameTheVersionAndTheDesktopLibraries() throws Exception {
        assertEquals("callcard-companion_" + VERSION + "-1_amd64.deb", deb.getFileName().toString());
        assertEquals("callcard-companion", run("dpkg-deb", "-f", deb.toString(), "Package").trim());
        assertEquals(VERSION + "-1", run("dpkg-deb", "-f", deb.toString(), "Version").trim());
        String depends = run("dpkg-deb", "-f", deb.toString(), "Depends");
        for (String library : List.of("libgtk-3-0", "libpangoft2-1.0-0", "fontconfig", "fonts-dejavu-core", "libxtst6",
                "libc6")) {
            assertTrue(List.of(depends.trim().split("\\s*,\\s*")).contains(library), library + " in " + depends);
        }
        assertTrue(run("dpkg-deb", "-f", deb.toString(), "Maintainer").contains("@"), "a maintainer's address");
    }

    @Test
    void itInstallsTheLauncherUnderOptWithItsMenuEntryAndIcon() throws Exception {
        assertTrue(Files.isExecutable(root.resolve(INSTALL + "/bin/CallCard-Companion")));
        String desktop = Files.readString(root.resolve(INSTALL + "/lib/callcard-companion-CallCard-Companion.desktop"));
        assertTrue(desktop.contains("\nName=CallCard Companion\n"), desktop);
        // GTK left without OpenGL: packaging/README.md, the menu entry's environment
        // and started by lib/menu-start.sh, which spares the launcher's package-manager queries (the test below)
        assertEquals(List.of("env", "GDK_GL=disable", "/" + INSTALL + "/lib/menu-start.sh"),
                PackagedLaunch.menuCommand(desktop), desktop);
        assertTrue(Files.isExecutable(root.resolve(INSTALL + "/lib/menu-start.sh")));
        assertTrue(desktop.contains("\nIcon=/" + INSTALL + "/lib/CallCard-Companion.png\n"), desktop);
        assertTrue(desktop.contains("\nCategories=Office;Telephony;\n"), desktop);
        // the class JavaFX gives the window (WM_CLASS): docks and task bars show the entry's icon and name for it
        assertTrue(desktop.contains("\nStartupWMClass=" + CallCardApp.class.getName() + "\n"), desktop);
        assertTrue(desktop.contains("Comment[ru]=Карточка звонка Битрикс24"), desktop);
        BufferedImage icon = ImageIO.read(root.resolve(INSTALL + "/lib/CallCard-Companion.png").toFile());
        assertEquals(256, icon.getWidth());
        assertEquals(256, icon.getHeight());
        assertEquals(0, icon.getRGB(0, 0) >>> 24, "a transparent corner: the drawn icon, not jpackage's default");
    }

    @Test
    void itShipsTheClassListNotAnArchiveTiedToTheBuildMachinesPaths() throws Exception {
        assertTrue(Files.size(root.resolve(INSTALL + "/lib/app/callcard.classlist")) > 0);
        assertFalse(Files.exists(root.resolve(INSTALL + "/lib/app/callcard.jsa")));
        String postinst = Files.readString(scratch.resolve("control/postinst"));
        assertTrue(postinst.contains("/" + INSTALL + "/lib/cds-archive.sh /" + INSTALL), postinst);
        assertTrue(postinst.contains("xdg-desktop-menu install"), "the menu entry: " + postinst);
    }

    @Test
    void removingItLeavesTheUsersFoldersAlone() throws Exception {
        for (String script : List.of("prerm", "postrm")) {
            Path file = scratch.resolve("control/" + script);
            List<String> commands = Files.exists(file) ? Files.readAllLines(file).stream()
                    .filter(l -> !l.trim().startsWith("#")).toList() : List.of();
            for (String line : commands.stream().filter(l -> l.trim().startsWith("rm ")).toList()) {
                assertTrue(line.contains("/" + INSTALL + "/")
                        || line.trim().equals("rm -f /usr/share/applications/" + MENU_ENTRY),
                        script + " removes only the installed files and the menu entry: " + line);
            }
            String text = String.join("\n", commands);
            assertFalse(text.contains("HOME") || text.contains(".config") || text.contains(".local/"), script + ": " + text);
        }
    }

    @Test
    void theMenuEntrysCommandShowsTheWindowAndASandboxCallOnTheCardWithoutAskingThePackageManagers(@TempDir Path run)
            throws Exception {
        Path app = root.resolve(INSTALL);
        run(app.resolve("lib/cds-archive.sh").toString(), app.toString()); // what postinst does at /opt
        assertTrue(Files.size(app.resolve("lib/app/callcard.jsa")) > 0);
        // the entry's command, with /opt where dpkg -x put it
        List<String> menu = PackagedLaunch.menuCommand(Files.readString(
                app.resolve("lib/callcard-companion-CallCard-Companion.desktop"))).stream()
                .map(word -> word.replace("/" + INSTALL + "/", app + "/")).toList();

        PackagedLaunch.Run launched = PackagedLaunch.run(menu, app.resolve("bin/CallCard-Companion"), run);

        launched.showedAFrameACallAndStoppedCleanly();
        assertEquals(List.of(), launched.packageManagers().queries(), "the menu's start asks no package manager");
        // the history read by the launcher in bin/, as from a terminal: it asks rpm and dpkg who owns it, every start
        launched.recordedTheCallInTheHistory();
        List<String> asked = launched.packageManagers().queries();
        assertTrue(asked.stream().anyMatch(query -> query.startsWith("dpkg -S ")), "what the menu's start spares: " + asked);
        assertTrue(launched.log().contains("CallCard Companion " + VERSION + " starting"), "the pom's version");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }
}
