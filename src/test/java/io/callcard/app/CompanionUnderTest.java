package io.callcard.app;

import io.callcard.sandbox.Scenario;
import io.callcard.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole companion without its window, as the tests of its wiring run it: an {@link AppContext} in English whose
 * UI work runs at once on the calling thread, on a free port, closed after each test (a JUnit extension:
 * {@code @RegisterExtension final CompanionUnderTest companion = new CompanionUnderTest();}).
 */
final class CompanionUnderTest implements AfterEachCallback {

    private final List<AppContext> made = new ArrayList<>();

    /**
     * A companion not started yet: {@code sandbox} plays the sandbox's calls ({@code scenario}, or the demo when
     * null) {@code speed} times faster than real time, even when {@code paths} hold a portal's settings.
     */
    AppContext made(AppPaths paths, boolean sandbox, double speed, Scenario scenario) {
        AppContext context = new AppContext(new StartupOptions(paths, 0, sandbox, Locale.ENGLISH, speed, false,
                scenario), Messages.forLocale(Locale.ENGLISH), Runnable::run);
        made.add(context);
        return context;
    }

    /** As {@link #made}, its services started (as after the first frame) and ready. */
    AppContext started(AppPaths paths, boolean sandbox, double speed, Scenario scenario) throws Exception {
        AppContext context = made(paths, sandbox, speed, scenario);
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
        return context;
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        made.forEach(AppContext::close);
        made.clear();
    }
}
