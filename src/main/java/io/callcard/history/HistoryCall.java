package io.callcard.history;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call in the history: everything the companion learned about it, from every channel.
 *
 * @param key           the record's own identity, chosen by whoever first records the call and never changed:
 *                      Bitrix24 reuses CALL_IDs, so two calls with one id are two records with two keys
 * @param callId        the portal's CALL_ID, or null when no channel said it
 * @param direction     which way the call went
 * @param number        the other side's number as dialled (E.164 where it could be read, else as the portal sent
 *                      it), {@code ""} when hidden or unknown
 * @param lineNumber    the line's number or id ({@code "reg1"}), {@code ""} when unknown
 * @param lineName      the line's name, {@code ""} when unknown
 * @param entity        the CRM item the call is linked to, or null
 * @param bindings      every CRM item the call is bound to (the entity first when there is one), with names once known
 * @param activityId    the CRM activity the portal made for the call, or null
 * @param callListMode  whether the call came from a call list
 * @param firstHeard    when the companion first heard of the call
 * @param connectedAt   when it connected, or null
 * @param endedAt       when it ended, or null while in progress (or its end was never heard)
 * @param ringSeconds   seconds from first heard (or the portal's start) to connected or ended, or null when unknown
 * @param talkSeconds   seconds talked (the portal's {@code CALL_DURATION} when known), or null when unknown
 * @param failedCode    the portal's failure code verbatim ({@code "200"} is success), or null when none is known
 * @param failedReason  the portal's words for the code, {@code ""} when none
 * @param outcome       how it ended ({@link Outcomes} decides)
 * @param cost          the call's cost as the portal's decimal text, or null when unknown
 * @param costCurrency  the cost's currency code, or null
 * @param recordUrl     the portal's link to the call's recording, or null
 * @param sources       where each fact came from: the fact's name ({@code "talkSeconds"}, {@code "failedCode"}, ...) to
 *                      its source, for the facts a later source may correct
 */
public record HistoryCall(
        String key,
        String callId,
        CallDirection direction,
        String number,
        String lineNumber,
        String lineName,
        CrmRef entity,
        List<HistoryBinding> bindings,
        Long activityId,
        boolean callListMode,
        Instant firstHeard,
        Instant connectedAt,
        Instant endedAt,
        Integer ringSeconds,
        Integer talkSeconds,
        String failedCode,
        String failedReason,
        Outcome outcome,
        String cost,
        String costCurrency,
        String recordUrl,
        Map<String, FactSource> sources) {

    public HistoryCall {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(firstHeard, "firstHeard");
        Objects.requireNonNull(outcome, "outcome");
        number = number == null ? "" : number;
        lineNumber = lineNumber == null ? "" : lineNumber;
        lineName = lineName == null ? "" : lineName;
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        failedReason = failedReason == null ? "" : failedReason;
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /** The linked item's name once known, else null. */
    public String crmName() {
        if (entity == null) {
            return null;
        }
        return bindings.stream().filter(b -> b.ref().equals(entity)).map(HistoryBinding::name)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
