package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless, never downloaded (BUILD-NOTES.md). A missing browser skips the test
 * with the reason printed, except when {@code CI=true}: there it fails.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final File[] BROWSERS = {new File("/usr/lib/chromium/chromium"), new File("/usr/bin/chromium")};

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips (locally) / fails (CI=true) when it is not installed. */
    public static HeadlessChromium startOrSkip() throws IOException {
        File browser = null;
        for (File candidate : BROWSERS) {
            if (candidate.canExecute()) {
                browser = candidate;
                break;
            }
        }
        String missing = !DRIVER.canExecute() ? DRIVER + " is missing"
                : browser == null ? "no Chromium at /usr/lib/chromium/chromium or /usr/bin/chromium" : null;
        if (missing != null) {
            String reason = "Browser test needs Debian's chromium and chromium-driver: " + missing;
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + " (CI=true: a missing browser is a failure)");
            }
            System.out.println("SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
        Path profile = Files.createTempDirectory("callcard-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile);
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
