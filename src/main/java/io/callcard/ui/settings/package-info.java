/**
 * The settings window: the portal's inbound webhook (checked as it is typed), its rate limit, connect and
 * disconnect, the listener port and the widget sign-in choice. The interfaces it needs ({@code PortalConnectService},
 * {@code PlainSettings}) are implemented in {@code app}.
 *
 * <p>May import {@code ui} and, for the webhook's rules, {@code portal}; not {@code config}: the window has its own
 * plain values and {@code app} maps them to what is stored.
 *
 * <p>Threads: the FX thread; the disk and network work behind the interfaces runs on {@code app}'s
 * {@code settings-io} and comes back through the UI executor. See {@code src/site/markdown/architecture.md}.
 */
package io.callcard.ui.settings;
