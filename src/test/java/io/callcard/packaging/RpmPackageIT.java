package io.callcard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callcard.testing.SlowTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The .rpm, where the build could make one (only where {@code rpmbuild} is installed: Debian's {@code rpm}; the build
 * says so otherwise, and these checks are skipped with that reason). Read with {@code rpm -qp}: name, version,
 * requirements in Fedora's names, the files it installs and its scripts (our spec, packaging/linux).
 */
@SlowTest
class RpmPackageIT {

    private static final String VERSION = System.getProperty("project.version");
    private static final String INSTALL = "/opt/callcard-companion";
    private static Path rpm;

    @BeforeAll
    static void find() throws IOException {
        try (Stream<Path> files = Files.list(PackagedLaunch.distDir())) {
            Optional<Path> built = files.filter(p -> p.toString().endsWith(".rpm")).findFirst();
            assumeTrue(built.isPresent(), "no .rpm: rpmbuild is not installed here (Debian: apt-get install rpm)");
            rpm = built.get();
        }
    }

    @Test
    void itsFileNameAndHeaderCarryTheNameTheVersionAndTheDesktopLibraries() throws Exception {
        assertEquals("callcard-companion-" + VERSION + "-1.x86_64.rpm", rpm.getFileName().toString());
        assertEquals("callcard-companion " + VERSION + " 1 x86_64",
                query("--queryformat", "%{NAME} %{VERSION} %{RELEASE} %{ARCH}").trim());
        List<String> requires = query("--requires").lines().map(String::trim).toList();
        for (String library : List.of("gtk3", "libXtst", "pango", "fontconfig", "dejavu-sans-fonts")) {
            assertTrue(requires.contains(library), library + " in " + requires);
        }
    }

    @Test
    void itInstallsUnderOptTheClassListAndMakesTheArchiveThereAsTheDebDoes() throws Exception {
        List<String> files = query("--list").lines().toList();
        for (String file : List.of("/bin/CallCard-Companion", "/lib/app/callcard.classlist", "/lib/cds-archive.sh",
                "/lib/menu-start.sh", "/lib/runtime/lib/server/libjvm.so", "/lib/CallCard-Companion.png")) {
            assertTrue(files.contains(INSTALL + file), file + " in the package");
        }
        assertFalse(files.contains(INSTALL + "/lib/app/callcard.jsa"), "an archive only works where it was made");
        assertTrue(files.stream().allMatch(f -> f.startsWith(INSTALL) || f.startsWith("/usr/share/licenses/")),
                "only its own folder and its licence: " + files);
        assertTrue(files.contains("/usr/share/licenses/callcard-companion/LICENSE"), files::toString);
        String scripts = query("--scripts");
        assertTrue(scripts.contains("xdg-desktop-menu install"), "the menu entry: " + scripts);
        assertTrue(scripts.contains(INSTALL + "/lib/cds-archive.sh " + INSTALL), "the archive made there: " + scripts);
        assertTrue(scripts.contains("rm -f " + INSTALL + "/lib/app/callcard.jsa"), "and deleted on removal: " + scripts);
        assertEquals("xz", query("--queryformat", "%{PAYLOADCOMPRESSOR}").trim());
    }

    private static String query(String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rpm", "-qp"));
        command.addAll(List.of(what));
        command.add(rpm.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }
}
