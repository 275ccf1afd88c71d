package io.callcard.listener;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the widget routes behave. {@code bx24Script} is the BX24 library the widget and install pages load: Bitrix24's
 * own, by its explicit https URL (protocol.md §1: a protocol-relative URL would resolve to http inside the 127.0.0.1
 * frame and be blocked as mixed content); the sandbox and the browser tests set their stand-in. {@code pollInterval}
 * is how often the page asks the card for {@code getStatus}; {@code commandTimeout} how long a
 * {@link WidgetBridgeChannel} command may take before it fails with {@code TIMED_OUT}.
 */
public record WidgetConfig(URI bx24Script, Duration pollInterval, Duration commandTimeout) {

    public static final URI BITRIX24_API = URI.create("https://api.bitrix24.com/api/v1/");

    public static final WidgetConfig DEFAULTS = new WidgetConfig(BITRIX24_API, Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    public WidgetConfig {
        Objects.requireNonNull(bx24Script, "bx24Script");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        String scheme = bx24Script.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("the BX24 script needs an explicit http(s) URL: " + bx24Script);
        }
        if (pollInterval.toMillis() < 50 || pollInterval.toMillis() > 60_000) {
            throw new IllegalArgumentException("pollInterval must be 50 ms .. 60 s: " + pollInterval);
        }
        if (commandTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
        }
    }

    /** The defaults with another BX24 script, e.g. the sandbox's stand-in. */
    public static WidgetConfig withBx24Script(URI script) {
        return new WidgetConfig(script, DEFAULTS.pollInterval(), DEFAULTS.commandTimeout());
    }
}
