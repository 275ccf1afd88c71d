package io.callcard.ui.history;

import io.callcard.call.CallDirection;
import java.util.Set;

/** The direction filter's choices: a transferred call came in, a callback went out. */
public enum DirectionFilter {
    ALL(Set.of()),
    INCOMING(Set.of(CallDirection.INCOMING, CallDirection.INCOMING_TRANSFER)),
    OUTGOING(Set.of(CallDirection.OUTGOING, CallDirection.CALLBACK));

    private final Set<CallDirection> directions;

    DirectionFilter(Set<CallDirection> directions) {
        this.directions = directions;
    }

    /** The query's directions: empty for all. */
    Set<CallDirection> directions() {
        return directions;
    }
}
