package io.callcard.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.JavaStringLiterals;
import io.callcard.testing.JavaStringLiterals.Literal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: a clone with nothing beside it builds and passes its tests. So no source or resource
 * under {@code src/main} and {@code src/test} may name a path that leaves the repository: a {@code ..} path segment,
 * the machine's {@code /work/} folder, or the sibling {@code shared/bitrix24} folder the examples used to come from
 * (they are test resources now, {@code io/callcard/examples}). In Java sources only string literals are looked at
 * (comments may mention anything); in resources every line is.
 */
class StandsAloneTest {

    private static final List<Path> JAVA_ROOTS = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));
    private static final List<Path> RESOURCE_ROOTS =
            List.of(Path.of("src", "main", "resources"), Path.of("src", "test", "resources"));

    /**
     * A {@code ..} path segment: two dots standing alone between separators, quotes, {@code =} or {@code :} and the
     * ends ({@code ".."}, {@code "../x"}, {@code "a\\..\\b"}, {@code "-Dx=../y"}); never an ellipsis, nor a range
     * in prose ({@code "50 ms .. 60 s"}).
     */
    private static final Pattern PARENT_SEGMENT = Pattern.compile("(?<![^/\\\\\"'=:])\\.\\.(?![^/\\\\\"'])");
    /** Folders of the machine the project was first built on, beside the repository. */
    private static final List<String> OUTSIDE_FOLDERS = List.of("/work/", "shared/bitrix24");

    /** This test itself: its literals spell out the very patterns it looks for. */
    private static final Path ITSELF = Path.of("src", "test", "java", "io", "callcard", "arch", "StandsAloneTest.java");

    /**
     * Strings that look like a way out but are no file path, as {@code file|text}, each with why it is allowed.
     * An entry that matches nothing any more fails {@link #everyAllowedStringIsStillThere}, so the list stays short.
     */
    private static final Map<String, String> NOT_PATHS = Map.of(
            "src/test/java/io/callcard/listener/FuzzRequests.java|/bridge/events/../health",
            "a request path a fuzzer sends to the listener (a URL the server must not resolve), not a file",
            "src/test/java/io/callcard/portal/PortalClientTest.java|../profile",
            "a REST method name the client must refuse before it builds a URL, not a file");

    /**
     * The first line of every example payload names its public source, e.g. a page of the Bitrix24 docs repository
     * with its sibling pages as {@code ../bx24-placement-call.md}: a citation inside that repository, not a read.
     */
    private static final Path EXAMPLES = Path.of("src", "test", "resources", "io", "callcard", "examples");

    @Test
    void noSourceOrResourceNamesAPathOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        int filesRead = 0;
        for (Path root : JAVA_ROOTS) {
            for (Path file : filesUnder(root)) {
                if (file.toString().endsWith(".java") && !file.equals(ITSELF)) {
                    filesRead++;
                    for (Literal literal : JavaStringLiterals.in(Files.readString(file, StandardCharsets.UTF_8), name(file))) {
                        if (leavesTheRepository(literal.text()) && !NOT_PATHS.containsKey(key(file, literal.text()))) {
                            offenders.add(name(file) + ":" + literal.line() + ": \"" + literal.text() + "\"");
                        }
                    }
                }
            }
        }
        for (Path root : RESOURCE_ROOTS) {
            for (Path file : filesUnder(root)) {
                byte[] bytes = Files.readAllBytes(file);
                if (isBinary(bytes)) {
                    continue;
                }
                filesRead++;
                List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
                int first = file.startsWith(EXAMPLES) ? 1 : 0; // the example's source line, see EXAMPLES
                for (int i = first; i < lines.size(); i++) {
                    if (leavesTheRepository(lines.get(i))) {
                        offenders.add(name(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertTrue(filesRead > 100, "the sources were not found from " + Path.of("").toAbsolutePath()
                + " (read " + filesRead + " files): run from the repository's root, as Maven does");
        assertEquals(List.of(), offenders, "paths leaving the repository: a lone clone would not find them; put"
                + " what they read under src/test/resources (or src/main/resources) and read it from the class path");
    }

    @Test
    void everyAllowedStringIsStillThere() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Path root : JAVA_ROOTS) {
            for (Path file : filesUnder(root)) {
                if (file.toString().endsWith(".java")) {
                    for (Literal literal : JavaStringLiterals.in(Files.readString(file, StandardCharsets.UTF_8), name(file))) {
                        found.add(key(file, literal.text()));
                    }
                }
            }
        }
        Set<String> stale = new TreeSet<>(NOT_PATHS.keySet());
        stale.removeAll(found);
        assertEquals(Set.of(), stale, "allow-list entries that match nothing any more: remove them");
    }

    /** The detector itself, on a planted source: it must catch each way out and pass comments and look-alikes. */
    @Test
    void findsEveryWayOutInStringLiteralsOnly() {
        String source = String.join("\n",
                "// reads ../elsewhere/examples, in a comment: fine",
                "/* /work/main is where it was built: fine too */",
                "class Planted {",
                "  Path a = Path.of(\"..\", \"shared\", \"bitrix24\", \"examples\");",
                "  Path b = Path.of(\"../elsewhere/x.jsonc\");",
                "  Path c = Path.of(\"C:\\\\repo\\\\..\\\\other\");",
                "  String d = \"/work/shared/architecture.md\";",
                "  String e = \"\"\"",
                "      see shared/bitrix24/NOTES.md",
                "      \"\"\";",
                "  String f = \"Loading...\" + \"a..b\" + \"...\" + \"/rest/profile\" + \"1 .. 60 s\";",
                "  char g = '\"'; String h = \"{\\\"file\\\":\\\"../x\\\"}\";",
                "}");
        List<String> caught = JavaStringLiterals.in(source, "Planted.java").stream().filter(l -> leavesTheRepository(l.text()))
                .map(l -> l.line() + ":" + l.text()).collect(Collectors.toList());
        assertEquals(List.of("4:..", "5:../elsewhere/x.jsonc", "6:C:\\\\repo\\\\..\\\\other", "7:/work/shared/architecture.md",
                "8:\n      see shared/bitrix24/NOTES.md\n      ", "12:{\\\"file\\\":\\\"../x\\\"}"), caught);
    }

    static boolean leavesTheRepository(String text) {
        return PARENT_SEGMENT.matcher(text).find() || OUTSIDE_FOLDERS.stream().anyMatch(text::contains);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not a folder: run from the repository's root");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** Images and other binaries hold no paths worth reading; a NUL byte gives them away. */
    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static String name(Path file) {
        return file.toString().replace('\\', '/');
    }

    private static String key(Path file, String text) {
        return name(file) + "|" + text;
    }
}
