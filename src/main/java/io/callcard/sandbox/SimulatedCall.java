package io.callcard.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One call as the sandbox plays it: who calls whom, what the card links it to, on which line, how long it rings and
 * talks, and how it fails. Immutable; the random parts (CALL_ID, the digits of the number, the activity id) are drawn
 * by {@link ScenarioRenderer} so that one description yields a fresh but reproducible call per seed.
 *
 * <p>{@code ringTime} is the time from the moment the call starts ringing (incoming) or is dialled (outgoing, callback)
 * until it is answered or given up. A call with a {@code talkTime} of zero was never answered and must say why with
 * a {@code failedCode}; an answered call ends normally, so it has none. The code reaches the portal's server events
 * and statistics; a widget hears it only in the documented behaviour ({@link CardBehaviour}).
 *
 * <p>{@code callListMode} puts the card in call-campaign mode ({@code CALL_LIST_MODE}); {@code holdsCardOpen} means the
 * agent (through the card's {@code disableAutoClose}) keeps the card open after the call, so its close attempt fires
 * BeforeClose and the card stays 65 s more. {@code gapAfter}, when
 * present, replaces the scenario's gap between this card's close and the next card's opening. {@code sameCallIdAs}, when
 * present, is the number (from 1) of an earlier call of the scenario whose CALL_ID this call gets again, as Bitrix24 may
 * hand out the same id twice within 30 minutes (protocol.md §6). {@code widgetLoads} is false when the card's default
 * tab is not the companion's (a call list, a web form or a custom tab comes first): Bitrix24 then loads the widget only
 * when the agent clicks its tab (protocol.md §2a), so the sandbox's widget says nothing about that call.
 */
public record SimulatedCall(
        Direction direction,
        CallerPhone phone,
        Optional<CrmLink> crm,
        String lineNumber,
        String lineName,
        Duration ringTime,
        Duration talkTime,
        Optional<String> failedCode,
        boolean callListMode,
        boolean holdsCardOpen,
        Optional<Duration> gapAfter,
        OptionalInt sameCallIdAs,
        boolean widgetLoads) {

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

        /** {@code CALL_TYPE} of the server-side events and statistics (protocol.md §4): 1, 2 or 4. */
        public String callType() {
            switch (this) {
                case OUTGOING:
                    return "1";
                case INCOMING:
                    return "2";
                default:
                    return "4";
            }
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
        Objects.requireNonNull(gapAfter, "gapAfter");
        Objects.requireNonNull(sameCallIdAs, "sameCallIdAs");
        if (sameCallIdAs.isPresent() && sameCallIdAs.getAsInt() < 1) {
            throw new IllegalArgumentException("sameCallIdAs counts calls from 1: " + sameCallIdAs.getAsInt());
        }
        if (gapAfter.map(Duration::isNegative).orElse(false)) {
            throw new IllegalArgumentException("gapAfter must not be negative: " + gapAfter.get());
        }
        if (ringTime.compareTo(MIN_PHASE) < 0) {
            throw new IllegalArgumentException("ringTime must be at least " + MIN_PHASE + ": " + ringTime);
        }
        if (!talkTime.isZero() && talkTime.compareTo(MIN_PHASE) < 0) {
            throw new IllegalArgumentException("talkTime must be zero or at least " + MIN_PHASE + ": " + talkTime);
        }
        if (talkTime.isZero() && failedCode.map(String::isBlank).orElse(true)) {
            throw new IllegalArgumentException("an unanswered call needs a failedCode (e.g. 304 missed, 486 busy)");
        }
        if (talkTime.isZero() && failedCode.get().trim().equals("200")) {
            throw new IllegalArgumentException("200 is the code of a successful call; an unanswered call needs another");
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
        private boolean callListMode;
        private boolean holdsCardOpen;
        private Duration gapAfter;
        private OptionalInt sameCallIdAs = OptionalInt.empty();
        private boolean widgetLoads = true;

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

        /** The card is in call-campaign mode. */
        public Builder inCallList() {
            this.callListMode = true;
            return this;
        }

        /** The agent holds the card open after the call (disableAutoClose). */
        public Builder holdsCardOpen() {
            this.holdsCardOpen = true;
            return this;
        }

        /** The pause from this card's close to the next card, instead of the scenario's gap. */
        public Builder thenWaits(Duration gapAfter) {
            this.gapAfter = gapAfter;
            return this;
        }

        /** The portal gives this call the CALL_ID of earlier call {@code callNumber} (from 1) again. */
        public Builder reusesCallIdOf(int callNumber) {
            this.sameCallIdAs = OptionalInt.of(callNumber);
            return this;
        }

        /** Another tab is the card's default, so the widget does not load for this call. */
        public Builder widgetDoesNotLoad() {
            this.widgetLoads = false;
            return this;
        }

        public SimulatedCall build() {
            return new SimulatedCall(direction, phone, Optional.ofNullable(crm), lineNumber, lineName, ringTime,
                    talkTime, Optional.ofNullable(failedCode), callListMode, holdsCardOpen,
                    Optional.ofNullable(gapAfter), sameCallIdAs, widgetLoads);
        }
    }
}
