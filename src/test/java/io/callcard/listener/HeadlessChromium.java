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
 * Debian's Chromium and chromedriver, headless, never downloaded (toolchain.md). A missing browser skips the test
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
        File browser = firstExecutable(BROWSERS);
        String missing = missing(DRIVER, browser);
        if (missing != null) {
            skipOrFail("Browser test needs Debian's chromium and chromium-driver: " + missing,
                    "true".equals(System.getenv("CI")));
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

    static File firstExecutable(File[] candidates) {
        for (File candidate : candidates) {
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    /** Why the browser cannot run, or null when it can. */
    static String missing(File driver, File browser) {
        if (!driver.canExecute()) {
            return driver + " is missing";
        }
        return browser == null ? "no Chromium at /usr/lib/chromium/chromium or /usr/bin/chromium" : null;
    }

    /** Locally a skip with the reason printed; under {@code CI=true} a failure. */
    static void skipOrFail(String reason, boolean ci) {
        if (ci) {
            fail(reason + " (CI=true: a missing browser is a failure)");
        }
        System.out.println("SKIPPED: " + reason);
        assumeTrue(false, reason);
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
