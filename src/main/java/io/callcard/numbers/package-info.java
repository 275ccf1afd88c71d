/**
 * Telephone numbers as people read them and as phones dial them, by libphonenumber: the international format for
 * reading ("+7 495 123-45-67"), E.164 for dialling ("+74951234567"), and the region a number without a country code is
 * read in. Plain Java on plain strings: the card's view-model ({@code ui.callcard}) decides what "hidden" and
 * "unknown" say.
 *
 * <p>Imports nothing of ours. libphonenumber loads its metadata on first use; the companion's first use comes with
 * the first call, after the window's first frame (architecture.md, start-up).
 */
package io.callcard.numbers;
