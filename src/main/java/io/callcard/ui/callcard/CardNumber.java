package io.callcard.ui.callcard;

import io.callcard.call.CallerNumber;
import io.callcard.numbers.PhoneNumbers;
import io.callcard.numbers.PhoneReading;
import io.callcard.ui.Messages;

/**
 * The other party's number on the card: words for a hidden or unknown number, else the number read in the region
 * ({@link io.callcard.numbers}): the international format to read, E.164 to dial and copy.
 *
 * @param text     what the card shows
 * @param dialled  what "copy" puts on the clipboard; empty when there is no number to copy
 */
record CardNumber(String text, String dialled) {

    static final CardNumber NONE = new CardNumber("", "");

    static CardNumber of(CallerNumber phone, String region, Messages messages) {
        switch (phone.kind()) {
            case HIDDEN:
                return new CardNumber(messages.get("card.phone.hidden"), "");
            case UNKNOWN:
                return new CardNumber(messages.get("card.phone.unknown"), "");
            default:
                PhoneReading read = PhoneNumbers.read(phone.value(), region);
                return new CardNumber(read.forReading(), read.asDialled());
        }
    }

    boolean canCopy() {
        return !dialled.isEmpty();
    }
}
