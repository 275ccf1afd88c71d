package io.callcard.call;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything that can happen to the call card, from whichever channel it came. Events are immutable facts with the
 * time they happened; {@link CallStateReducer} alone decides what they mean.
 *
 * <p>{@code callId} names the call an event belongs to, or is {@code null} for "the call the card shows now" (the
 * JavaScript events carry no id; a bridge that knows its widget's call fills it in).
 */
public sealed interface CallEvent {

    Instant at();

    String callId();

    /** The CALL_CARD widget was opened for a call: Bitrix24 posted the handler form with {@code PLACEMENT_OPTIONS}. */
    record WidgetOpened(Instant at, CallCardStatus status) implements CallEvent {
        public WidgetOpened {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String callId() {
            return status.callId();
        }
    }

    /** A {@code getStatus} answer, from the widget's poll or the REST placement transport. */
    record StatusPolled(Instant at, CallCardStatus status) implements CallEvent {
        public StatusPolled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String callId() {
            return status.callId();
        }
    }

    /** {@code CallCard::CallStateChanged}; {@code failedCode} only when an unsuccessful call goes idle. */
    record StateChanged(Instant at, String callId, CallState state, String failedCode) implements CallEvent {
        public StateChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(state, "state");
            failedCode = failedCode == null || failedCode.isBlank() ? null : failedCode.trim();
        }
    }

    /** {@code CallCard::EntityChanged}: the number or the primary CRM item changed; {@code entity} null when unlinked. */
    record EntityChanged(Instant at, String callId, CallerNumber phone, CrmRef entity) implements CallEvent {
        public EntityChanged {
            Objects.requireNonNull(at, "at");
            phone = Objects.requireNonNullElse(phone, CallerNumber.UNKNOWN);
        }
    }

    /** {@code CallCard::BeforeClose}: a close attempt. It fires again at the real close when the card was held. */
    record BeforeClose(Instant at, String callId) implements CallEvent {
        public BeforeClose {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The card confirmed {@code disableAutoClose} ({@code held = true}) or {@code enableAutoClose} ({@code false}). */
    record AutoCloseChanged(Instant at, String callId, boolean held) implements CallEvent {
        public AutoCloseChanged {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The widget went away: the card closed, or the page stopped answering. */
    record BridgeLost(Instant at, String callId) implements CallEvent {
        public BridgeLost {
            Objects.requireNonNull(at, "at");
        }
    }
}
