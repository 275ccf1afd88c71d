package io.callcard.call;

/**
 * Which way an event reached the tracker, as the tracker's hook on applied events tells it ({@link AppliedEvent}):
 * the history keeps where each fact of a call came from. The listener's three inputs keep their own names there
 * ({@code listener.InputChannel}); the call domain may not import the listener, so they are named again here.
 */
public enum EventChannel {
    /** The CALL_CARD widget's page: its form, its bridge messages, its going away. */
    WIDGET_BRIDGE,
    /** The portal's server-side telephony events ({@code ONVOXIMPLANTCALL*}). */
    SERVER_EVENTS,
    /** The seed pages' REST transport: its {@code getStatus} poll and the CallCard events it bound. */
    SEED_TRANSPORT,
    /** The companion asking the portal afterwards: a call's outcome, its CRM items' names. */
    PORTAL_LOOKUP
}
