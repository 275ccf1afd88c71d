/**
 * The settings window: the window's preferences that apply at once (theme, language, on top, compact mode,
 * notifications: {@code WindowPreferencesViewModel} through {@code ui.PreferencesModel}), the portal's inbound webhook
 * (checked as it is typed), its rate limit, connect and disconnect, and what applies after a restart: the number
 * region, the listener port and bind address, the application token, the widget sign-in choice. The interfaces it
 * needs ({@code PortalConnectService}, {@code PlainSettings}, {@code ApplicationTokenStore}) are implemented in
 * {@code app}.
 *
 * <p>May import {@code ui}, {@code prefs}, for the webhook's rules {@code portal}, and for the port, IP-literal and
 * application-token rules {@code wire}; not {@code config}: the window has its own plain values and {@code app} maps
 * them to what is stored.
 *
 * <p>Threads: the FX thread; the disk and network work behind the interfaces runs on {@code app}'s
 * {@code settings-io} and comes back through the UI executor. See {@code src/site/markdown/architecture.md}.
 */
package io.callcard.ui.settings;
