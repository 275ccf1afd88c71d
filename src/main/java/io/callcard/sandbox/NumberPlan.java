package io.callcard.sandbox;

import java.util.Random;

/**
 * Where a simulated caller's number comes from. The digits are drawn from the renderer's seeded {@link Random}, so a
 * scenario names only the kind of number and a seed decides the number itself.
 */
public enum NumberPlan {
    /** A Moscow landline, +7 495. */
    MOSCOW_LANDLINE("+7495", 7),
    /** A Russian mobile, +7 916. */
    RUSSIAN_MOBILE("+7916", 7),
    /** A Berlin landline, +49 30. */
    BERLIN("+4930", 8),
    /** A New York number, +1 212. */
    NEW_YORK("+1212", 7);

    private final String prefix;
    private final int subscriberDigits;

    NumberPlan(String prefix, int subscriberDigits) {
        this.prefix = prefix;
        this.subscriberDigits = subscriberDigits;
    }

    /** An E.164 number of this plan; the subscriber part never starts with 0 or 1 (trunk and service prefixes). */
    public String draw(Random random) {
        StringBuilder number = new StringBuilder(prefix).append(2 + random.nextInt(8));
        for (int i = 1; i < subscriberDigits; i++) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }
}
