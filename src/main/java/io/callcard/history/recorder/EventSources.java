package io.callcard.history.recorder;

import io.callcard.call.AppliedEvent;
import io.callcard.call.CallEvent;
import io.callcard.history.FactSource;

/**
 * Where the facts an applied event brings came from, as the history keeps it: the channel the listener heard it on,
 * the portal's call records for an outcome learned afterwards, its CRM for names; and everything the built-in sandbox
 * plays is the sandbox's, whichever channel carried it (it speaks to the companion over the same HTTP routes).
 */
public final class EventSources {

    private EventSources() {
    }

    /** {@code sandboxPlays}: the calls now heard are the sandbox's (no real portal is connected). */
    public static FactSource of(AppliedEvent applied, boolean sandboxPlays) {
        if (sandboxPlays) {
            return FactSource.SANDBOX;
        }
        CallEvent event = applied.event();
        if (event instanceof CallEvent.CrmNamesLearned) {
            return FactSource.CRM;
        }
        return switch (applied.channel()) {
            case WIDGET_BRIDGE -> FactSource.WIDGET;
            case SERVER_EVENTS -> FactSource.SERVER_EVENTS;
            case SEED_TRANSPORT -> FactSource.SEED_TRANSPORT;
            case PORTAL_LOOKUP -> FactSource.STATISTICS; // an outcome looked up in voximplant.statistic.get
        };
    }
}
