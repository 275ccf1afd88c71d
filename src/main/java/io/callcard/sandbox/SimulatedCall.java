package io.callcard.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One call as the sandbox plays it: who calls whom, what the card links it to, on which line, how long it rings and
 * talks, and how it fails. Immutable; the random parts (CALL_ID, the digits of the number, the activity id) are drawn
 * by {@link ScenarioRenderer} so that one description yields a fresh but reproducible call per seed.
 *
 * <p>{@code ringTime} is the time from the moment the call starts ringing (incoming) or is dialled (outgoing, callback)
 * until it is answered or given up. A call with a {@code talkTime} of zero was never answered and must say why with
 * a {@code failedCode}; an answered call ends normally, so it has none (the card then goes idle with {@code {}}).
 */
public record SimulatedCall(
        Direction direction,
        CallerPhone phone,
        Optional<CrmLink> crm,
        String lineNumber,
        String lineName,
        Duration ringTime,
        Duration talkTime,
        Optional<String> failedCode) {

    /**
     * Below this the card's own delays (CRM load, the status poll after a change) would overtake the call's state
     * changes, and the posts would describe an order of things no real card shows.
     */
    public static final Duration MIN_PHASE = Duration.ofSeconds(1);

    /** {@code CALL_DIRECTION} as the card spells it. */
    public enum Direction {
        INCOMING,
        OUTGOING,
        CALLBACK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SimulatedCall {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(lineNumber, "lineNumber");
        Objects.requireNonNull(lineName, "lineName");
        Objects.requireNonNull(ringTime, "ringTime");
        Objects.requireNonNull(talkTime, "talkTime");
        Objects.requireNonNull(failedCode, "failedCode");
        if (ringTime.compareTo(MIN_PHASE) < 0) {
            throw new IllegalArgumentException("ringTime must be at least " + MIN_PHASE + ": " + ringTime);
        }
        if (!talkTime.isZero() && talkTime.compareTo(MIN_PHASE) < 0) {
            throw new IllegalArgumentException("talkTime must be zero or at least " + MIN_PHASE + ": " + talkTime);
        }
        if (talkTime.isZero() && failedCode.map(String::isBlank).orElse(true)) {
            throw new IllegalArgumentException("an unanswered call needs a failedCode (e.g. 304 missed, 486 busy)");
        }
        if (!talkTime.isZero() && failedCode.isPresent()) {
            throw new IllegalArgumentException("an answered call ends normally and has no failedCode");
        }
    }

    public boolean answered() {
        return !talkTime.isZero();
    }

    public static Builder builder(Direction direction) {
        return new Builder(direction);
    }

    /** Reads like the scenario it describes; {@link #build()} validates. */
    public static final class Builder {
        private final Direction direction;
        private CallerPhone phone = CallerPhone.unknown();
        private CrmLink crm;
        private String lineNumber = "";
        private String lineName = "";
        private Duration ringTime = Duration.ZERO;
        private Duration talkTime = Duration.ZERO;
        private String failedCode;

        private Builder(Direction direction) {
            this.direction = direction;
        }

        public Builder phone(CallerPhone phone) {
            this.phone = phone;
            return this;
        }

        public Builder linkedTo(CrmLink crm) {
            this.crm = crm;
            return this;
        }

        public Builder line(String number, String name) {
            this.lineNumber = number;
            this.lineName = name;
            return this;
        }

        public Builder ringsFor(Duration ringTime) {
            this.ringTime = ringTime;
            return this;
        }

        public Builder talksFor(Duration talkTime) {
            this.talkTime = talkTime;
            return this;
        }

        public Builder failsWith(String failedCode) {
            this.failedCode = failedCode;
            return this;
        }

        public SimulatedCall build() {
            return new SimulatedCall(direction, phone, Optional.ofNullable(crm), lineNumber, lineName, ringTime,
                    talkTime, Optional.ofNullable(failedCode));
        }
    }
}
