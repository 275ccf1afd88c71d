package io.callcard.ui.settings;

/**
 * The portal plan's REST budget as the settings window offers it. The ui may not see the config package (architecture.md),
 * so the window has its own two choices and the app maps them to the stored value.
 */
public enum RateLimitChoice {
    /** 2 requests a second, bursts of 50: every plan but Enterprise. */
    STANDARD,
    /** 5 requests a second, bursts of 250. */
    ENTERPRISE
}
