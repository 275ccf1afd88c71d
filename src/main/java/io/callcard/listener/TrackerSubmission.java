package io.callcard.listener;

import io.callcard.call.CallEvent;
import io.callcard.call.CallTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a decoded event to the tracker without waiting for it; a failure there is logged, never answered. */
final class TrackerSubmission {

    private static final Logger log = LoggerFactory.getLogger(TrackerSubmission.class);

    private TrackerSubmission() {
    }

    static void submit(CallTracker tracker, CallEvent event) {
        tracker.submit(event).whenComplete((snapshot, failure) -> {
            if (failure != null) {
                log.error("The call tracker did not apply a {}", event.getClass().getSimpleName(), failure);
            }
        });
    }
}
