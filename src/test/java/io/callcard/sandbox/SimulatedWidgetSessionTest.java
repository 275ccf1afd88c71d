package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallTracker;
import io.callcard.testing.ListenerFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated widget gets its session the way the page does: by POSTing the handler form to the real listener. */
class SimulatedWidgetSessionTest {

    @Test
    void aCallOpensTheWidgetThenPostsWithSessionAndSeqUntilClosed() throws Exception {
        List<WidgetPost> posts = BuiltInScenarios.demo().render(1);
        try (ListenerFixture listener = ListenerFixture.start();
             SimulatedWidget widget = new SimulatedWidget(listener.baseUri())) {
            CallTracker tracker = listener.tracker();
            String firstCall = BridgeMessages.parse(posts.get(0).json()).path("callId").asText();

            assertTrue(widget.deliver(posts.get(0).json()));
            assertNotNull(widget.session(), "the handler form's page gave a session");
            assertTrue(listener.widgetCredentials().latest().isPresent(), "the form carried a token pair");
            waitFor(() -> firstCall.equals(tracker.current().callId()) && tracker.current().cardOpen());

            String session = widget.session();
            for (WidgetPost post : posts.subList(1, posts.size())) {
                JsonNode message = BridgeMessages.parse(post.json());
                assertTrue(widget.deliver(post.json()), post.json());
                if (message.path("type").asText().equals("closed")) {
                    break;
                }
                assertEquals(session, widget.session(), "one session for the whole call");
            }
            assertNull(widget.session(), "closed ends the session");
            waitFor(() -> !tracker.current().cardOpen());
        }
    }

    @Test
    void placementOptionsAreAllStringsAsThePortalSendsThem() {
        WidgetPost first = BuiltInScenarios.demo().render(1).get(0);
        JsonNode options = BridgeMessages.parse(BridgeMessages.placementOptions(
                BridgeMessages.parse(first.json()).get("status")));
        options.fields().forEachRemaining(field -> {
            if (field.getKey().equals("CRM_BINDINGS")) {
                field.getValue().forEach(b -> assertTrue(b.get("ENTITY_ID").isTextual()));
            } else {
                assertTrue(field.getValue().isTextual(), field.getKey() + " must be a string");
            }
        });
        assertTrue(options.has("CALL_ID") && options.has("CALL_STATE") && options.has("CRM_ACTIVITY_ID"));
    }

    @Test
    void withoutASessionNothingIsPostedAndTheNextMessageTriesTheFormAgain() throws Exception {
        try (PortalTestSupport.RecordingListener recording = new PortalTestSupport.RecordingListener().withoutSessions();
             SimulatedWidget widget = new SimulatedWidget(recording.base())) {
            List<WidgetPost> posts = BuiltInScenarios.demo().render(1);
            assertFalse(widget.deliver(posts.get(0).json()));
            assertFalse(widget.deliver(posts.get(1).json()));
            assertNull(widget.session());
            assertEquals(List.of(), recording.raw, "the listener requires a session: nothing goes without one");
            assertEquals(2, recording.forms.size(), "each message of the call tried the handler form again");
        }
    }

    @Test
    void afterACompanionRestartTheWidgetRenewsItsSessionInsteadOfPostingTheFormAgain() throws Exception {
        List<WidgetPost> posts = BuiltInScenarios.demo().render(1);
        try (ListenerFixture listener = ListenerFixture.start();
             SimulatedWidget widget = new SimulatedWidget(listener.baseUri())) {
            assertTrue(widget.deliver(posts.get(0).json()));
            String before = widget.session();
            String callId = BridgeMessages.parse(posts.get(0).json()).path("callId").asText();

            listener.restart(() -> { });
            assertTrue(widget.deliver(posts.get(1).json()), "delivered after the restart");
            assertNotNull(widget.session());
            assertFalse(before.equals(widget.session()), "a new session");
            assertTrue(listener.widgetCredentials().latest().isPresent(), "the renewal re-registered the page's pair");
            assertNull(listener.widgetCredentials().latest().get().serverEndpoint(),
                    "no handler form was posted again (it would have carried its SERVER_ENDPOINT)");
            waitFor(() -> callId.equals(listener.tracker().current().callId()) && listener.tracker().current().cardOpen(),
                    "the call goes on in the companion");
        }
    }

}
