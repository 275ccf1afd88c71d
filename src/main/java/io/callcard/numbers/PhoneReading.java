package io.callcard.numbers;

import java.util.Objects;

/**
 * One number, read.
 *
 * @param forReading the international format when the number could be read ("+7 495 123-45-67"), else the text as the
 *                   portal gave it, trimmed
 * @param asDialled  E.164 ("+74951234567") when the number could be read; else its dialable characters (digits, a
 *                   leading plus, {@code *} and {@code #}: an internal extension such as "101" stays "101"); empty when
 *                   there is nothing to dial
 */
public record PhoneReading(String forReading, String asDialled) {

    public PhoneReading {
        Objects.requireNonNull(forReading, "forReading");
        Objects.requireNonNull(asDialled, "asDialled");
    }

    public boolean canDial() {
        return !asDialled.isEmpty();
    }
}
