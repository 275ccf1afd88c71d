package io.callcard.app;

import io.callcard.config.PortalSettings;
import io.callcard.ui.settings.RateLimitChoice;

/** The settings window's rate-limit choice and the stored value are the same two plans under two names. */
final class RateLimits {

    private RateLimits() {
    }

    static PortalSettings.RateLimit stored(RateLimitChoice choice) {
        return choice == RateLimitChoice.ENTERPRISE ? PortalSettings.RateLimit.ENTERPRISE
                : PortalSettings.RateLimit.STANDARD;
    }

    static RateLimitChoice choice(PortalSettings.RateLimit stored) {
        return stored == PortalSettings.RateLimit.ENTERPRISE ? RateLimitChoice.ENTERPRISE : RateLimitChoice.STANDARD;
    }
}
