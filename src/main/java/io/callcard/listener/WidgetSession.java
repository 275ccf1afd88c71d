package io.callcard.listener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One load of the widget page: the token minted for it, the call it was opened for, when it was created and last
 * heard from, the highest {@code seq} applied, its command queue, and whether its form's token is proven
 * ({@link State}). Until proven, nothing of the page reaches the card: its bridge messages are held, in order and at
 * most {@link #MAX_HELD}, and applied when the proof succeeds, dropped when it fails.
 */
final class WidgetSession {

    /** Where the proof of the page's AUTH_ID stands. */
    enum State {
        /** Asked, not answered: messages are held, commands never target the page. */
        CHECKING,
        /** The portal answered for the token: the page speaks for the card. */
        PROVEN,
        /** Refused or unproven: every request of the page is answered 403 with {@link #refusal()}. */
        REFUSED
    }

    /** What happens to a bridge message of this page. */
    enum Admission { PASS, HELD, DUPLICATE, FULL, REFUSED }

    /** A page polls its status every second; a proof answers within seconds. Beyond this the page must wait. */
    static final int MAX_HELD = 32;

    private final Object proofLock = new Object();
    // guarded by proofLock
    private State state = State.CHECKING;
    private String refusal;
    private final List<Runnable> held = new ArrayList<>();

    private final String token;
    private final String callId;
    private final Instant created;
    private final WidgetCommandQueue commands = new WidgetCommandQueue();
    private Instant lastSeen;
    private long lastSeq;

    WidgetSession(String token, String callId, Instant created) {
        this.token = Objects.requireNonNull(token, "token");
        this.callId = callId;
        this.created = Objects.requireNonNull(created, "created");
        this.lastSeen = created;
    }

    String token() {
        return token;
    }

    String callId() {
        return callId;
    }

    Instant created() {
        return created;
    }

    synchronized Instant lastSeen() {
        return lastSeen;
    }

    synchronized void touch(Instant now) {
        if (now.isAfter(lastSeen)) {
            lastSeen = now;
        }
    }

    WidgetCommandQueue commands() {
        return commands;
    }

    State state() {
        synchronized (proofLock) {
            return state;
        }
    }

    /** Why the page was refused ({@link WidgetVerdict}'s reasons); null unless {@link State#REFUSED}. */
    String refusal() {
        synchronized (proofLock) {
            return refusal;
        }
    }

    /**
     * A bridge message of seq {@code seq} arrived: {@link Admission#PASS} once proven (the caller applies it),
     * {@link Admission#HELD} while checking ({@code apply} runs when proven, in arrival order),
     * {@link Admission#DUPLICATE} for a seq already held, {@link Admission#FULL} beyond {@link #MAX_HELD},
     * {@link Admission#REFUSED} once refused.
     */
    Admission admit(long seq, Runnable apply) {
        synchronized (proofLock) {
            switch (state) {
                case PROVEN:
                    return Admission.PASS;
                case REFUSED:
                    return Admission.REFUSED;
                default:
                    if (held.size() >= MAX_HELD) {
                        return Admission.FULL;
                    }
                    if (!claim(seq)) {
                        return Admission.DUPLICATE;
                    }
                    held.add(apply);
                    return Admission.HELD;
            }
        }
    }

    /**
     * The proof's answer, once: proven runs {@code onProven} (the form's own event) and then every held message, in
     * order, before any later message can pass; refused drops what was held. A second verdict changes nothing.
     *
     * @return true when this verdict was the one taken
     */
    boolean settle(WidgetVerdict verdict, Runnable onProven) {
        synchronized (proofLock) {
            if (state != State.CHECKING) {
                return false;
            }
            if (verdict.proven()) {
                onProven.run();
                held.forEach(Runnable::run);
                state = State.PROVEN;
            } else {
                state = State.REFUSED;
                refusal = verdict.reason();
            }
            held.clear();
        }
        if (!verdict.proven()) {
            commands.close();
        }
        return true;
    }

    /**
     * Claims {@code seq} for applying: true when it is greater than every seq applied before in this session. A
     * repeated or older seq (a retry whose first attempt did arrive, or a message overtaken by a later one) is false:
     * acknowledged, not applied.
     */
    synchronized boolean claim(long seq) {
        if (seq <= lastSeq) {
            return false;
        }
        lastSeq = seq;
        return true;
    }
}
