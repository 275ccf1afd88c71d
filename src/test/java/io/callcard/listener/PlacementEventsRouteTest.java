package io.callcard.listener;

import static io.callcard.listener.EventPosts.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.wire.CardCallState;
import io.callcard.call.CallTracker;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.testing.ListenerFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /placement/events}, the seed transport's handler, over real sockets: the three CallCard events as the
 * sandbox posts them (JSON) and as a form, signed with the application token.
 */
class PlacementEventsRouteTest {

    private static final String TOKEN = "app-token-seed-7";
    private static final String CALL = "seed-call-1";

    @AutoClose
    private ListenerFixture listener;
    private CallTracker tracker;
    private URI events;

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(TOKEN));
        tracker = listener.tracker();
        events = listener.uri("placement/events");
        // the seed transport learns the call from getStatus; the events then speak of "the call shown now"
        tracker.submit(new CallEvent.StatusPolled(Instant.now(), new CallCardStatus(CALL, CallerNumber.of("+100"),
                "", "", null, List.of(), null, CallDirection.INCOMING, CardCallState.CONNECTING, false))).get();
    }

    @Test
    void theRouteIsWhereTheSeedTransportBindsTheEvents() {
        assertEquals(events.toString(), SeedPlacementTransport.eventsHandlerUrl(listener.baseUri()));
    }

    @Test
    void stateChangedAsTheSandboxPostsItReachesTheTracker() throws Exception {
        HttpResponse<String> connected = EventPosts.postJson(events, json("{\"event\":\"CallCard::CallStateChanged\","
                + "\"args\":[\"connected\",{}],\"ts\":\"1773239624\",\"auth\":{\"application_token\":\"" + TOKEN + "\"}}"));
        HttpResponse<String> idle = EventPosts.postJson(events, json("{\"event\":\"CallCard::CallStateChanged\","
                + "\"args\":[\"idle\",{\"failedCode\":\"486\"}],\"auth\":{\"application_token\":\"" + TOKEN + "\"}}"));
        listener.settle();

        assertEquals(200, connected.statusCode());
        assertEquals(200, idle.statusCode());
        assertEquals(json("{\"accepted\":true}"), json(idle.body()));
        CallSnapshot call = tracker.current();
        assertEquals(CALL, call.callId());
        assertEquals(CallDisplayState.FAILED, call.phase());
        assertEquals("486", call.failedCode());
        assertTrue(call.wasConnected());
    }

    @Test
    void theThreeEventsAsFormsReachTheTracker() throws Exception {
        String auth = "&auth%5Bapplication_token%5D=" + TOKEN;
        List<String> forms = List.of(
                "event=CallCard%3A%3ACallStateChanged&args%5B0%5D=connected" + auth,
                "event=CallCard%3A%3AEntityChanged&args%5B0%5D%5BPHONE_NUMBER%5D=%2B19001234567"
                        + "&args%5B0%5D%5BCRM_ENTITY_TYPE%5D=CONTACT&args%5B0%5D%5BCRM_ENTITY_ID%5D=123" + auth,
                "event=CallCard%3A%3ABeforeClose" + auth);
        for (String form : forms) {
            HttpResponse<String> response = EventPosts.post(events, "application/x-www-form-urlencoded", form);
            assertEquals(200, response.statusCode(), form + " -> " + response.body());
        }
        listener.settle();

        CallSnapshot call = tracker.current();
        assertEquals(CallDisplayState.CONNECTED, call.phase());
        assertEquals(CallerNumber.of("+19001234567"), call.phone());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 123), call.entity());
        assertTrue(call.closing(), "BeforeClose without args");
    }

    @Test
    void aCallIdNamingAnotherCallIsRespected() throws Exception {
        HttpResponse<String> response = EventPosts.postJson(events, json("{\"event\":\"CallCard::BeforeClose\","
                + "\"callId\":\"another\",\"args\":[],\"auth\":{\"application_token\":\"" + TOKEN + "\"}}"));
        listener.settle();

        assertEquals(200, response.statusCode());
        assertFalse(tracker.current().closing(), "a close attempt of another call does not touch this one");
    }

    @Test
    void withoutTheTokenNothingChanges() throws Exception {
        CallSnapshot before = tracker.current();
        HttpResponse<String> missing = EventPosts.postJson(events,
                json("{\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\",{\"failedCode\":\"486\"}]}"));
        HttpResponse<String> wrong = EventPosts.post(events, "application/x-www-form-urlencoded",
                "event=CallCard%3A%3ABeforeClose&auth%5Bapplication_token%5D=guess");
        listener.settle();

        assertEquals(401, missing.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_application_token", json(wrong.body()).get("error").asText());
        assertFalse(wrong.body().contains("guess"));
        assertSame(before, tracker.current());
    }

    @Test
    void withNoTokenConfiguredEveryPostIs401() throws Exception {
        try (ListenerFixture unconfigured = ListenerFixture.start()) {
            HttpResponse<String> response = EventPosts.postJson(unconfigured.uri("placement/events"),
                    json("{\"event\":\"CallCard::BeforeClose\",\"args\":[],\"auth\":{\"application_token\":\"x\"}}"));

            assertEquals(401, response.statusCode());
            assertEquals("application_token_not_configured", json(response.body()).get("error").asText());
        }
    }

    @Test
    void anotherEventIsIgnoredAndBadArgumentsAre400() throws Exception {
        CallSnapshot before = tracker.current();
        HttpResponse<String> other = EventPosts.postJson(events, json("{\"event\":\"CallCard::Unknown\","
                + "\"args\":[],\"auth\":{\"application_token\":\"" + TOKEN + "\"}}"));
        HttpResponse<String> badState = EventPosts.postJson(events, json("{\"event\":\"CallCard::CallStateChanged\","
                + "\"args\":[\"ringing\"],\"auth\":{\"application_token\":\"" + TOKEN + "\"}}"));
        HttpResponse<String> notAList = EventPosts.post(events, "application/x-www-form-urlencoded",
                "event=CallCard%3A%3ACallStateChanged&args%5B1%5D%5BfailedCode%5D=486&auth%5Bapplication_token%5D="
                        + TOKEN);
        listener.settle();

        assertEquals(200, other.statusCode());
        assertEquals(json("{\"ignored\":\"unknown_event\"}"), json(other.body()));
        assertEquals(400, badState.statusCode());
        assertEquals("invalid_state", json(badState.body()).get("error").asText());
        assertEquals(400, notAList.statusCode());
        assertEquals("invalid_message", json(notAList.body()).get("error").asText());
        assertSame(before, tracker.current());
    }

    @Test
    void wrongMethodAndContentTypeAreRefused() throws Exception {
        assertEquals(405, EventPosts.get(events).statusCode());
        HttpResponse<String> text = EventPosts.post(events, "text/plain", "event=CallCard%3A%3ABeforeClose");
        assertEquals(415, text.statusCode());
        assertEquals("unsupported_media_type", json(text.body()).get("error").asText());
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() throws Exception {
        HttpResponse<String> response = EventPosts.post(events, "application/json", "\"CallCard::BeforeClose\"");
        assertEquals(400, response.statusCode());
        assertEquals("invalid_message", json(response.body()).get("error").asText());
    }
}
