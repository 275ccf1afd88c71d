package io.callcard.sandbox;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One made-up call of {@link SeededCalls}: what a portal would know of it once it ended. Plain facts in the call
 * domain's words; the application turns them into history records (the sandbox knows nothing of the history).
 *
 * @param index        the call's place in the seeded run, from 0, in time order
 * @param callId       a CALL_ID in the portal's shape; now and then the previous call's again, as Bitrix24 reuses ids
 * @param direction    incoming, outgoing or callback
 * @param number       the other side's number in E.164, {@code ""} when withheld
 * @param lineNumber   the line's id ({@code reg1}) or number
 * @param lineName     the line's name
 * @param entity       the CRM item the call is linked to, or null for a stranger
 * @param bindings     the items the call is bound to (the entity first), with their names
 * @param activityId   the CRM activity the portal logged, or null
 * @param callListMode whether the call came from a call list
 * @param startedAt    when it started ringing (or was dialled)
 * @param ringSeconds  seconds until answered or given up
 * @param talkSeconds  seconds talked, 0 when not answered
 * @param failedCode   the portal's code: {@code "200"} when answered, else why not ({@code "304"}, {@code "603-S"}, ...)
 * @param failedReason the portal's words for the code, {@code ""} for 200
 * @param cost         the cost as decimal text
 * @param costCurrency the cost's currency
 * @param recordUrl    the recording's address, or null
 */
public record SeededCall(long index, String callId, CallDirection direction, String number, String lineNumber,
                         String lineName, CrmRef entity, List<Link> bindings, Long activityId, boolean callListMode,
                         Instant startedAt, int ringSeconds, int talkSeconds, String failedCode, String failedReason,
                         String cost, String costCurrency, String recordUrl) {

    /** One CRM item the call is bound to, with its name. */
    public record Link(CrmRef ref, String name) {
        public Link {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(name, "name");
        }
    }

    public SeededCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(failedCode, "failedCode");
        bindings = List.copyOf(bindings);
    }

    public boolean answered() {
        return talkSeconds > 0;
    }

    /** When the call connected, or null when it never did. */
    public Instant connectedAt() {
        return answered() ? startedAt.plusSeconds(ringSeconds) : null;
    }

    public Instant endedAt() {
        return startedAt.plusSeconds(ringSeconds + (long) talkSeconds);
    }
}
