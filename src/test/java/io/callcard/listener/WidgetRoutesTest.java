package io.callcard.listener;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallTracker;
import io.callcard.call.CrmEntityType;
import io.callcard.testing.BitrixExamples;
import io.callcard.testing.ListenerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The widget routes and the bridge's session, seq and command additions, over real loopback sockets. */
class WidgetRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final URI STAND_IN = URI.create("http://127.0.0.1:9/bx24/api.js");

    @AutoClose
    private ListenerFixture listener;
    private CallTracker tracker;

    @BeforeEach
    void start() throws ListenerStartException {
        listener = ListenerFixture.start(new WidgetConfig(STAND_IN, Duration.ofSeconds(1), Duration.ofMillis(400)));
        tracker = listener.tracker();
    }

    @Test
    void theDocumentedPostOpensTheWidgetAndAnswersAFrameablePage() throws Exception {
        Map<String, String> example = WidgetForms.example();
        HttpResponse<String> page = openWidget(example);

        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("frame-ancestors https://xxx.bitrix24.com 'self'",
                page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        String html = page.body();
        assertTrue(html.contains("<p id=\"companion-status\" data-state=\"loading\">Connecting to CallCard Companion…</p>"),
                "nothing has connected when the page is served: " + html);
        assertTrue(html.contains("first call card application"), "the page says how it loads by itself: " + html);
        Map<String, String> form = WidgetForms.example();
        assertTrue(html.contains("data-domain=\"xxx.bitrix24.com\""), html);
        assertTrue(html.contains("data-member-id=\"" + form.get("member_id") + "\""), html);
        assertTrue(html.contains("data-app-sid=\"" + form.get("APP_SID") + "\""), html);
        assertTrue(html.contains("data-lang=\"en\""), html);
        assertTrue(html.contains("<script src=\"" + STAND_IN + "\"></script>"), html);
        assertTrue(html.contains("<script src=\"/widget/bridge.js\""), html);
        assertTrue(html.contains("data-call-id=\"" + WidgetForms.EXAMPLE_CALL_ID + "\""), html);
        String token = session(page);
        assertTrue(token.length() >= 22, "128 bits in base64url: " + token);
        assertFalse(html.contains(example.get("AUTH_ID")), "AUTH_ID must not reach the page");
        assertFalse(html.contains(example.get("REFRESH_ID")), "REFRESH_ID must not reach the page");

        waitFor(() -> WidgetForms.EXAMPLE_CALL_ID.equals(tracker.current().callId()));
        assertTrue(tracker.current().cardOpen());
        assertEquals(CallDisplayState.CONNECTED, tracker.current().phase());
        assertEquals(CrmEntityType.COMPANY, tracker.current().entity().type());
        assertEquals(17, tracker.current().entity().id());
        assertNull(tracker.current().activityId(), "\"undefined\" is no activity");
        assertFalse(tracker.current().callListMode(), "\"false\" is false");

        WidgetAuth auth = listener.widgetCredentials().latest().orElseThrow();
        assertEquals("xxx.bitrix24.com", auth.domain());
        assertEquals(example.get("AUTH_ID"), auth.accessToken());
        assertEquals(example.get("REFRESH_ID"), auth.refreshToken());
        assertFalse(auth.toString().contains(example.get("AUTH_ID")));
    }

    @Test
    void eachLoadMintsItsOwnSession() throws Exception {
        String first = session(openWidget(WidgetForms.example()));
        String second = session(openWidget(WidgetForms.example()));
        assertFalse(first.equals(second));
    }

    @Test
    void russianPortalsGetTheRussianStatusLineAndHttpPortalsAnHttpAncestor() throws Exception {
        Map<String, String> form = WidgetForms.example();
        form.put("LANG", "ru");
        form.put("PROTOCOL", "0");
        form.put("DOMAIN", "portal.example.test:8080");
        HttpResponse<String> page = openWidget(form);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-state=\"loading\">Подключение к CallCard Companion…</p>"), page.body());
        assertTrue(page.body().contains("data-msg-connected=\"Подключено к CallCard Companion\""), page.body());
        assertTrue(page.body().contains("data-msg-notcallcard=\"Эта страница работает только внутри карточки звонка"),
                page.body());
        assertEquals("frame-ancestors http://portal.example.test:8080 'self'",
                page.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    @Test
    void placementOptionsWithEveryNoneSpelledAsAString() throws Exception {
        Map<String, String> form = WidgetForms.example();
        form.put("PLACEMENT_OPTIONS", "{\"CALL_ID\":\"c-strings\",\"LINE_NUMBER\":\"\",\"LINE_NAME\":\"\","
                + "\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":\"0\",\"CRM_ACTIVITY_ID\":\"undefined\","
                + "\"CALL_DIRECTION\":\"outgoing\",\"CALL_STATE\":\"connecting\",\"CALL_LIST_MODE\":\"true\"}");
        assertEquals(200, openWidget(form).statusCode());
        waitFor(() -> "c-strings".equals(tracker.current().callId()));
        assertNull(tracker.current().entity());
        assertTrue(tracker.current().callListMode());
        assertEquals(CallDisplayState.CONNECTING, tracker.current().phase());
    }

    @Test
    void badFormsAreRefused() throws Exception {
        Map<String, String> missing = WidgetForms.example();
        missing.remove("PLACEMENT_OPTIONS");
        assertRejected(openWidget(missing), 400, "invalid_form");

        Map<String, String> broken = WidgetForms.example();
        broken.put("PLACEMENT_OPTIONS", "{\"CALL_ID\":");
        assertRejected(openWidget(broken), 400, "malformed_json");

        Map<String, String> noState = WidgetForms.example();
        noState.put("PLACEMENT_OPTIONS", "{\"CALL_ID\":\"x\"}");
        assertRejected(openWidget(noState), 400, "invalid_state");

        Map<String, String> otherPlacement = WidgetForms.example();
        otherPlacement.put("PLACEMENT", "CRM_LEAD_DETAIL_TAB");
        assertRejected(openWidget(otherPlacement), 400, "invalid_form");

        Map<String, String> headerInjection = WidgetForms.example();
        headerInjection.put("DOMAIN", "evil.test; script-src *");
        assertRejected(openWidget(headerInjection), 400, "invalid_form");

        Map<String, String> fields = WidgetForms.example();
        HttpResponse<String> json = send(HttpRequest.newBuilder(widgetUri(fields))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertRejected(json, 415, "unsupported_media_type");

        HttpResponse<String> get = send(HttpRequest.newBuilder(widgetUri(fields)).GET());
        assertRejected(get, 405, "method_not_allowed");

        HttpResponse<String> badEscape = send(HttpRequest.newBuilder(widgetUri(fields))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("PLACEMENT_OPTIONS=%7")));
        assertRejected(badEscape, 400, "invalid_form");
        assertNull(tracker.current().callId(), "no refused form changed the tracker");
    }

    @Test
    void bridgeScriptAndInstallPageAreServed() throws Exception {
        HttpResponse<String> script = send(HttpRequest.newBuilder(listener.baseUri().resolve("widget/bridge.js")).GET());
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElse(""));
        assertTrue(script.body().contains("/bridge/commands"));

        HttpResponse<String> install = send(HttpRequest.newBuilder(listener.baseUri()
                .resolve("widget/install?DOMAIN=xxx.bitrix24.com&PROTOCOL=1&LANG=en")).GET());
        assertEquals(200, install.statusCode());
        assertEquals("frame-ancestors https://xxx.bitrix24.com 'self'",
                install.headers().firstValue("Content-Security-Policy").orElse(""));
        String handler = "http://127.0.0.1:" + listener.port() + "/widget/callcard";
        assertTrue(install.body().contains("data-handler=\"" + handler + "\""), install.body());
        assertFalse(install.body().contains("localhost"));
        assertTrue(install.body().contains("<script src=\"" + STAND_IN + "\"></script>"));
        assertTrue(install.body().contains("Keep CallCard Companion the FIRST application of the call card"),
                "the administrator learns that only the first CALL_CARD application loads by itself");
        HttpResponse<String> installRu = send(HttpRequest.newBuilder(listener.baseUri()
                .resolve("widget/install?DOMAIN=xxx.bitrix24.com&PROTOCOL=1&LANG=ru")).GET());
        assertTrue(installRu.body().contains("Оставьте CallCard Companion ПЕРВЫМ приложением карточки звонка"),
                installRu.body());

        HttpResponse<String> installJs = send(HttpRequest.newBuilder(listener.baseUri().resolve("widget/install.js")).GET());
        assertEquals(200, installJs.statusCode());
        assertTrue(installJs.body().contains("placement.bind"));
        assertTrue(installJs.body().contains("installFinish"));

        assertRejected(send(HttpRequest.newBuilder(listener.baseUri().resolve("widget/install")).GET()), 400,
                "invalid_form");
    }

    @Test
    void aMessageWithAnUnknownSessionIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> response = postEvent("{\"type\":\"event\",\"session\":\"forged\",\"seq\":1,"
                + "\"callId\":\"x\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"connected\",{}]}");
        assertRejected(response, 401, "unknown_session");
        assertRejected(send(HttpRequest.newBuilder(listener.baseUri().resolve("bridge/commands?session=forged")).GET()),
                401, "unknown_session");
        assertRejected(send(HttpRequest.newBuilder(listener.baseUri().resolve("bridge/commands")).GET()),
                401, "unknown_session");
        listener.settle();
        assertNull(tracker.current().callId());
    }

    @Test
    void aSessionMessageNeedsASeq() throws Exception {
        String session = session(openWidget(WidgetForms.example()));
        assertRejected(postEvent("{\"type\":\"closed\",\"session\":\"" + session + "\"}"), 400, "invalid_message");
        assertRejected(postEvent("{\"type\":\"closed\",\"session\":\"" + session + "\",\"seq\":0}"), 400,
                "invalid_message");
    }

    @Test
    void aReplayedSeqIsAcknowledgedButNotAppliedTwice() throws Exception {
        String session = session(openWidget(WidgetForms.example()));
        String connecting = stateChange(session, 5, "connecting", "{}");

        HttpResponse<String> first = postEvent(connecting);
        assertEquals(202, first.statusCode());
        waitFor(() -> tracker.current().phase() == CallDisplayState.CONNECTING);
        HttpResponse<String> ended = postEvent(stateChange(session, 6, "idle", "{\"failedCode\":\"486\"}"));
        assertEquals(202, ended.statusCode());
        waitFor(() -> tracker.current().phase() == CallDisplayState.FAILED);

        HttpResponse<String> replay = postEvent(connecting);
        assertEquals(200, replay.statusCode());
        assertEquals(JSON.readTree("{\"accepted\":true,\"duplicate\":true}"), JSON.readTree(replay.body()));
        HttpResponse<String> older = postEvent(stateChange(session, 3, "connected", "{}"));
        assertEquals(200, older.statusCode());
        listener.settle();
        assertEquals(CallDisplayState.FAILED, tracker.current().phase(), "neither the replay nor the older seq was applied");
        assertEquals("486", tracker.current().failedCode());
    }

    @Test
    void aCommandIsQueuedFetchedAndItsResultCompletesTheChannel() throws Exception {
        String session = session(openWidget(WidgetForms.example()));
        assertEquals("[]", commands(session, 0, 0).get("commands").toString());

        CompletableFuture<Void> held = listener.callCardChannel().disableAutoClose();
        JsonNode fetched = commands(session, 0, 2_000);
        assertEquals(1000, fetched.get("pollMs").asLong());
        JsonNode command = fetched.get("commands").get(0);
        assertEquals("disableAutoClose", command.get("command").asText());
        long id = command.get("id").asLong();
        assertEquals("[]", commands(session, id, 0).get("commands").toString(), "after=N skips what the page ran");

        HttpResponse<String> result = postEvent("{\"type\":\"result\",\"session\":\"" + session + "\",\"seq\":1,"
                + "\"callId\":\"" + WidgetForms.EXAMPLE_CALL_ID + "\",\"command\":\"disableAutoClose\","
                + "\"result\":[],\"commandId\":" + id + "}");
        assertEquals(202, result.statusCode());
        held.get(2, TimeUnit.SECONDS);
        waitFor(() -> tracker.current().autoCloseHeld());

        CompletableFuture<CallCardStatus> status = listener.callCardChannel().getStatus();
        long statusId = commands(session, id, 2_000).get("commands").get(0).get("id").asLong();
        postEvent("{\"type\":\"result\",\"session\":\"" + session + "\",\"seq\":2,\"command\":\"getStatus\","
                + "\"commandId\":" + statusId + ",\"result\":" + BitrixExamples.json("jsif_getstatus_result.jsonc") + "}");
        assertEquals("E45D40253D1C2D2F.1774588815.822533", status.get(2, TimeUnit.SECONDS).callId());
    }

    @Test
    void aCommandCompletesOnlyOnceTheTrackerAppliedItsAnswer() throws Exception {
        String session = session(openWidget(WidgetForms.example()));
        CompletableFuture<Void> held = listener.callCardChannel().disableAutoClose();
        // read on whichever thread completes the command, the moment it does: what the hold button would be shown
        CompletableFuture<Boolean> heldWhenAnswered = held.thenApply(answered -> tracker.current().autoCloseHeld());
        long id = commands(session, 0, 2_000).get("commands").get(0).get("id").asLong();
        assertFalse(tracker.current().autoCloseHeld());

        postEvent("{\"type\":\"result\",\"session\":\"" + session + "\",\"seq\":1,\"callId\":\""
                + WidgetForms.EXAMPLE_CALL_ID + "\",\"command\":\"disableAutoClose\",\"result\":[],\"commandId\":" + id
                + "}");
        assertTrue(heldWhenAnswered.get(2, TimeUnit.SECONDS),
                "the command completed before the tracker applied the card's answer");
    }

    @Test
    void aCommandNobodyAnswersTimesOutWithATypedFailure() throws Exception {
        session(openWidget(WidgetForms.example()));
        CompletableFuture<Void> silent = listener.callCardChannel().enableAutoClose();
        assertFailure(silent, CallCardCommandFailed.Reason.TIMED_OUT);
    }

    @Test
    void aCardErrorAnswerFailsTheCommandAndWithoutAWidgetThereIsNothingToCommand() throws Exception {
        assertFailure(listener.callCardChannel().disableAutoClose(), CallCardCommandFailed.Reason.NO_WIDGET);

        String session = session(openWidget(WidgetForms.example()));
        CompletableFuture<Void> held = listener.callCardChannel().disableAutoClose();
        long id = commands(session, 0, 2_000).get("commands").get(0).get("id").asLong();
        postEvent("{\"type\":\"result\",\"session\":\"" + session + "\",\"seq\":1,\"command\":\"disableAutoClose\","
                + "\"commandId\":" + id + ",\"result\":[{\"result\":\"error\",\"errorCode\":\"Call card is undefined\"}]}");
        assertFailure(held, CallCardCommandFailed.Reason.CARD_UNAVAILABLE);
    }

    @Test
    void closedEndsTheSession() throws Exception {
        String session = session(openWidget(WidgetForms.example()));
        assertEquals(202, postEvent("{\"type\":\"closed\",\"session\":\"" + session + "\",\"seq\":9}").statusCode());
        assertRejected(postEvent(stateChange(session, 10, "connected", "{}")), 401, "unknown_session");
        assertFailure(listener.callCardChannel().disableAutoClose(), CallCardCommandFailed.Reason.NO_WIDGET);
    }

    private static void assertFailure(CompletableFuture<?> future, CallCardCommandFailed.Reason reason)
            throws Exception {
        try {
            future.get(3, TimeUnit.SECONDS);
            fail("expected " + reason);
        } catch (ExecutionException e) {
            CallCardCommandFailed failed = assertInstanceOf(CallCardCommandFailed.class, e.getCause());
            assertEquals(reason, failed.reason());
        }
    }

    private static String stateChange(String session, long seq, String state, String params) {
        return "{\"type\":\"event\",\"session\":\"" + session + "\",\"seq\":" + seq + ",\"callId\":\""
                + WidgetForms.EXAMPLE_CALL_ID + "\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"" + state
                + "\"," + params + "]}";
    }

    private JsonNode commands(String session, long after, long waitMillis) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(listener.baseUri().resolve(
                "bridge/commands?session=" + session + "&after=" + after + "&wait=" + waitMillis)).GET());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> openWidget(Map<String, String> fields) throws Exception {
        return send(HttpRequest.newBuilder(widgetUri(fields))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WidgetForms.body(fields))));
    }

    private URI widgetUri(Map<String, String> fields) {
        return listener.baseUri().resolve("widget/callcard?" + WidgetForms.query(new LinkedHashMap<>(fields)));
    }

    private HttpResponse<String> postEvent(String json) throws Exception {
        return send(HttpRequest.newBuilder(listener.baseUri().resolve("bridge/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> page) {
        Matcher m = SESSION.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    private static void assertRejected(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, JSON.readTree(response.body()).get("error").asText(), response.body());
    }

}
