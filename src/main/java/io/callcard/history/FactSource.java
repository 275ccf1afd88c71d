package io.callcard.history;

/** Where a fact about a call came from; kept per fact, so a later, better source can correct an earlier one. */
public enum FactSource {
    /** The call card widget page in the agent's browser (the widget bridge). */
    WIDGET,
    /** The portal's telephony server events ({@code ONVOXIMPLANTCALL*}). */
    SERVER_EVENTS,
    /** The seed pages' REST transport ({@code placement.call}). */
    SEED_TRANSPORT,
    /** The built-in sandbox portal. */
    SANDBOX,
    /** The portal's call records, {@code voximplant.statistic.get} (the outcome look-up or the history import). */
    STATISTICS,
    /** The portal's CRM items ({@code crm.item.get}): the names of the items a call is linked to. */
    CRM,
    /** Made up by {@code callcard sandbox seed} for demos and benchmarks. */
    SEEDED
}
