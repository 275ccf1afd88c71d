package io.callcard.listener;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallEvent;
import io.callcard.testing.ListenerFixture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A widget page whose token is still being checked, over real sockets, with a prover the test answers by hand: its
 * page says "checking", its messages are held in order (202 held) and reach the tracker only after its form's
 * WidgetOpened once proven; refused, they are dropped and every later request of the page is 403 with the reason.
 * Commands never target such a page.
 */
class HeldUntilProvenTest {

    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The prover's answers, completed by the test. */
    private final List<CompletableFuture<WidgetVerdict>> asked = new CopyOnWriteArrayList<>();
    /** What the tracker applied, in order: "opened" for the form, the status CALL_STATE for each getStatus. */
    private final List<String> applied = new CopyOnWriteArrayList<>();

    @AutoClose
    private ListenerFixture listener;

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start(ListenerConfig.loopback(0), Clock.systemUTC(), Optional::empty, claim -> {
            CompletableFuture<WidgetVerdict> verdict = new CompletableFuture<>();
            asked.add(verdict);
            return verdict;
        });
        listener.tracker().subscribe(update -> {
            if (update.event() instanceof CallEvent.WidgetOpened) {
                applied.add("opened");
            } else if (update.event() instanceof CallEvent.StatusPolled polled) {
                applied.add(polled.status().state().toString());
            }
        });
    }

    @Test
    void messagesOfACheckingPageAreHeldInOrderAndAppliedAfterItsFormOnceProven() throws Exception {
        HttpResponse<String> page = openWidget();
        assertTrue(page.body().contains("data-state=\"checking\""), page.body());
        String session = session(page);
        HttpResponse<String> first = postStatus(session, 1, "connecting");
        assertEquals(202, first.statusCode());
        assertEquals(Map.of("accepted", true, "held", true), json(first.body()));
        assertEquals(202, postStatus(session, 2, "connected").statusCode());
        assertTrue(postStatus(session, 2, "connected").body().contains("\"duplicate\":true"), "a retry is no second");
        ExecutionException noPage = assertThrows(ExecutionException.class,
                () -> listener.callCardChannel().getStatus().get(5, TimeUnit.SECONDS));
        assertEquals(CallCardCommandFailed.Reason.NO_WIDGET,
                assertInstanceOf(CallCardCommandFailed.class, noPage.getCause()).reason(),
                "commands never target a page being checked");
        listener.settle();
        assertEquals(List.of(), applied, "nothing of the page reached the tracker while checking");

        asked.get(0).complete(WidgetVerdict.provenFor("1"));
        waitFor(() -> applied.size() == 3, "the form and its held messages applied");
        assertEquals("opened", applied.get(0), "the form's own event first");
        assertEquals(2, applied.stream().filter(state -> !state.equals("opened")).count());
        assertEquals(202, postStatus(session, 3, "connected").statusCode());
        assertEquals(Map.of("accepted", true), json(postStatus(session, 4, "connected").body()), "no longer held");
    }

    @Test
    void aRefusedPagesHeldMessagesAreDroppedAndItsRequestsForbiddenWithTheReason() throws Exception {
        String session = session(openWidget());
        assertEquals(202, postStatus(session, 1, "connected").statusCode());
        asked.get(0).complete(WidgetVerdict.refused(WidgetVerdict.TOKEN_REFUSED));
        HttpResponse<String> refused = postStatus(session, 2, "connected");
        assertEquals(403, refused.statusCode());
        assertEquals(WidgetVerdict.TOKEN_REFUSED, json(refused.body()).get("error"));
        HttpResponse<String> commands = HTTP.send(HttpRequest.newBuilder(listener.uri(
                "bridge/commands?session=" + session + "&after=0")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, commands.statusCode());
        listener.settle();
        assertEquals(List.of(), applied, "dropped, never applied");
        assertTrue(listener.widgetCredentials().latest().isEmpty(), "the credentials' watchers heard nothing");
    }

    @Test
    void whatACheckingPageMayHoldIsBounded() throws Exception {
        String session = session(openWidget());
        for (int seq = 1; seq <= WidgetSession.MAX_HELD; seq++) {
            assertEquals(202, postStatus(session, seq, "connected").statusCode());
        }
        HttpResponse<String> full = postStatus(session, WidgetSession.MAX_HELD + 1, "connected");
        assertEquals(429, full.statusCode());
        assertEquals(WidgetRejections.HELD_FULL, json(full.body()).get("error"));
    }

    @Test
    void aProverThatHasNotAnsweredHoldsNoListenerThread() throws Exception {
        // the page is answered at once although the verdict never comes: the proof runs off the listener's threads
        for (int page = 0; page < 8; page++) {
            assertEquals(200, openWidget().statusCode());
        }
        assertEquals(8, asked.size());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(listener.uri("health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the listener still answers");
    }

    private HttpResponse<String> openWidget() throws Exception {
        Map<String, String> fields = WidgetForms.example();
        return HTTP.send(HttpRequest.newBuilder(listener.uri("widget/callcard?" + WidgetForms.query(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WidgetForms.body(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postStatus(String session, long seq, String state) throws Exception {
        String json = "{\"type\":\"status\",\"session\":\"" + session + "\",\"seq\":" + seq + ",\"callId\":\""
                + WidgetForms.EXAMPLE_CALL_ID + "\",\"status\":{\"CALL_ID\":\"" + WidgetForms.EXAMPLE_CALL_ID
                + "\",\"CALL_STATE\":\"" + state + "\"}}";
        return HTTP.send(HttpRequest.newBuilder(listener.uri("bridge/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> page) {
        Matcher session = SESSION.matcher(page.body());
        assertTrue(session.find(), page.body());
        return session.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return io.callcard.testing.BitrixExamples.MAPPER.readValue(body, Map.class);
    }
}
