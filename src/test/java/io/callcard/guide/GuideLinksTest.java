package io.callcard.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guide holds together: every relative link in the README and the site pages leads to a file of the repository,
 * and to a heading of it where the link names one (as GitHub makes a heading's anchor); the README links the setup,
 * troubleshooting and data pages.
 */
class GuideLinksTest {

    private static final Path README = Path.of("README.md");
    private static final Path SITE = Path.of("src", "site", "markdown");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");

    @Test
    void everyRelativeLinkLeadsToAFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + " -> " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(page + " -> " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theReadmeLinksTheGuidePages() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (String page : List.of("setup.md", "troubleshooting.md", "data.md")) {
            assertTrue(readme.contains("](src/site/markdown/" + page), "README does not link " + page);
        }
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() throws IOException {
        Path sample = Files.createTempFile("guide", ".md");
        try {
            Files.writeString(sample, "# The install page\n## Which credentials sign the look-ups\n### §2a. What it is\n");
            assertEquals(Set.of("the-install-page", "which-credentials-sign-the-look-ups", "2a-what-it-is"),
                    anchors(sample));
        } finally {
            Files.delete(sample);
        }
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(README);
        try (Stream<Path> site = Files.list(SITE)) {
            site.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces made hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (m.find()) {
            anchors.add(m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }
}
