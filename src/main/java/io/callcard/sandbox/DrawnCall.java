package io.callcard.sandbox;

import java.util.OptionalInt;

/**
 * A {@link SimulatedCall} with its random parts drawn for one pass: the CALL_ID, the number as the card holds it
 * ({@code "hidden"} when withheld, {@code null} when unknown) and the activity id, if the portal logged one.
 */
record DrawnCall(SimulatedCall call, String callId, String phoneNumber, OptionalInt activityId) {
}
