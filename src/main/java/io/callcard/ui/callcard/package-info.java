/**
 * The live call card: who is calling, the call's state and talk time, its CRM item, why it failed, and the button
 * that holds Bitrix24's card open. {@code CallCardViewModel} derives words and flags from each snapshot;
 * {@code CardHoldViewModel} shows only what the card confirmed.
 *
 * <p>May import {@code call} and {@code ui}: the view-models are plain Java, tested without the toolkit; commands
 * go out through {@code call.CallCardChannel}.
 *
 * <p>Threads: the FX thread; snapshots arrive through {@code UiExecutor}. See
 * {@code src/site/markdown/architecture.md}.
 */
package io.callcard.ui.callcard;
