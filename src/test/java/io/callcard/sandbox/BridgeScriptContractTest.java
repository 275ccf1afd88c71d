package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.listener.BridgeMessageDecoder;
import io.callcard.listener.HeadlessChromium;
import io.callcard.testing.BitrixExamples;
import io.callcard.testing.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One contract for the two widget pages: the real bridge script ({@code bridge.js}, in headless Chromium, over the
 * sandbox's stand-in BX24) and the {@link SimulatedWidget}. Both talk to the same {@link CapturingListener} and go
 * through the same situations: the card's status, the three CallCard events, the companion's three commands, the page
 * going away. For every situation both sides must send the same request (method, route, content type, query keys) with
 * a body of the same shape (keys and JSON types, nested), every body must decode, and both must number their messages
 * and answer commands the same way. Both get the events as Bitrix24's own code delivers them (protocol.md §2a): one
 * argument each, the state alone, BeforeClose's {@code []} as its one argument; the browser with the documented status
 * and entity payloads (test resources under io/callcard/examples).
 */
@BrowserTest
class BridgeScriptContractTest {

    @Test
    void theBridgeScriptAndTheSimulatedWidgetSendTheSameShapes() throws Exception {
        Map<String, String> browser;
        Map<String, String> simulated;
        try (CapturingListener listener = new CapturingListener()) {
            browser = shapes(listener, List.of(runBrowser(listener)));
            simulated = shapes(listener, runSimulatedWidget(listener));
        }
        // no failedCode crosses a real portal's frame (protocol.md §2a): the page never sends a ":failed" state change
        for (String situation : List.of("status", "event:CallCard::CallStateChanged:plain",
                "event:CallCard::EntityChanged", "event:CallCard::BeforeClose",
                "result:getStatus", "result:disableAutoClose", "result:enableAutoClose", "closed", "commands")) {
            assertTrue(browser.containsKey(situation), "the browser went through " + situation + ": " + browser.keySet());
            assertEquals(browser.get(situation), simulated.get(situation), situation);
        }
    }

    private static final String TWO_CALLS = "{\"name\": \"two calls\", \"calls\": ["
            + "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg151083\","
            + " \"crm\": {\"type\": \"contact\", \"id\": 797, \"bindings\": [{\"type\": \"deal\", \"id\": 4615},"
            + " {\"type\": \"contact\", \"id\": 797}],"
            + " \"activity\": true}, \"ringSeconds\": 3, \"talkSeconds\": 8, \"holdCardOpen\": true},"
            + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"lineNumber\": \"sip1\","
            + " \"ringSeconds\": 2.5, \"failedCode\": \"486\"}]}";

    /** The page in Chromium: returns its session. */
    private static String runBrowser(CapturingListener listener) throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.startOrSkip()) {
            WebDriver driver = chromium.driver();
            driver.get(listener.base() + "portal");
            driver.switchTo().frame("widget");
            JavascriptExecutor js = (JavascriptExecutor) driver;
            waitInPage(driver, "return !!window.__sandbox && window.__sandbox.boundEvents().length === 3");
            String session = "page1";
            JsonNode status = example("jsif_getstatus_result.jsonc");
            js.executeScript("window.__sandbox.setStatus(JSON.parse(arguments[0]))", status.toString());
            waitFor(() -> count(listener, session, "\"type\":\"status\"") > 0, "a status poll");
            JsonNode events = example("jsif_callcard_events.jsonc");
            fire(js, "CallCard::CallStateChanged", "[\"connected\"]");
            fire(js, "CallCard::EntityChanged", events.get("CallCard::EntityChanged").toString());
            fire(js, "CallCard::CallStateChanged", events.get("CallCard::CallStateChanged").toString());
            fire(js, "CallCard::BeforeClose", "[]");
            assertEquals(List.of("[\"connected\"]", "[\"idle\"]", "[[]]"), browserArgs(listener, session),
                    "the page posts the one argument a real portal hands it");
            runCommands(listener, session);
            driver.get("about:blank"); // the card closes: pagehide sends "closed"
            waitFor(() -> count(listener, session, "\"type\":\"closed\"") == 1, "closed");
            return session;
        }
    }

    /**
     * The simulated widget, delivering two calls (answered, on a card the agent holds, so that its end and first
     * BeforeClose are heard; busy): returns its sessions.
     */
    private static List<String> runSimulatedWidget(CapturingListener listener) throws Exception {
        List<WidgetPost> posts = ScenarioFiles.parse("two calls", TWO_CALLS).render(1);
        String session = "page2"; // the first call's page; the second call gets page3
        try (SimulatedWidget widget = new SimulatedWidget(listener.base())) {
            boolean commandsRun = false;
            for (WidgetPost post : posts) {
                if (!commandsRun && post.json().startsWith("{\"type\":\"closed\"")) {
                    runCommands(listener, session);
                    commandsRun = true;
                }
                assertTrue(widget.deliver(post.json()), post.json());
            }
        }
        return List.of(session, "page3");
    }

    private static void runCommands(CapturingListener listener, String session) throws InterruptedException {
        for (String command : List.of("getStatus", "disableAutoClose", "enableAutoClose")) {
            listener.queue(session, command);
        }
        waitFor(() -> count(listener, session, "\"commandId\"") == 3, "three command results");
    }

    /**
     * Situation → shape of the first body of that situation the pages with {@code sessions} sent (a status's keys
     * depend on the call: the first call of each side has a number, an activity and bindings), every body decoded by
     * the listener's decoder.
     */
    private static Map<String, String> shapes(CapturingListener listener, List<String> sessions) {
        Map<String, String> shapes = new TreeMap<>();
        for (String session : sessions) {
            shapes(listener, session).forEach(shapes::putIfAbsent);
        }
        return shapes;
    }

    private static Map<String, String> shapes(CapturingListener listener, String session) {
        Map<String, String> shapes = new TreeMap<>();
        long lastSeq = 0;
        BridgeMessageDecoder decoder = new BridgeMessageDecoder();
        for (CapturingListener.Request request : listener.of(session, "/bridge/events")) {
            decoder.decode(request.body().getBytes(StandardCharsets.UTF_8), Instant.now());
            JsonNode body = BridgeContract.parse(request.body());
            if (situation(body) != null) {
                BridgeContract.assertValidDelivered(request.body());
            }
            assertEquals(session, body.path("session").asText(), request.body());
            assertTrue(body.path("seq").asLong() > lastSeq, "seq increases: " + request.body());
            lastSeq = body.path("seq").asLong();
            String route = request.method() + " " + request.path() + " " + request.contentType();
            String situation = situation(body);
            if (situation != null) {
                shapes.putIfAbsent(situation, route + " " + shape(comparable(body)));
            }
        }
        List<CapturingListener.Request> polls = listener.of(session, "/bridge/commands");
        if (polls.isEmpty()) {
            // a page that closed before its poller's first request; the pages that ran commands polled, and the
            // caller requires the "commands" shape from both sides
            return shapes;
        }
        TreeSet<String> keys = new TreeSet<>();
        for (String pair : polls.get(0).query().split("&")) {
            keys.add(pair.split("=", 2)[0]);
        }
        shapes.put("commands", polls.get(0).method() + " " + polls.get(0).path() + " query " + keys);
        return shapes;
    }

    /** What a body is an instance of; null for the browser's timer polls' error answers, which have no counterpart. */
    private static String situation(JsonNode body) {
        String type = body.path("type").asText();
        switch (type) {
            case "event":
                String event = body.path("event").asText();
                if (event.equals("CallCard::CallStateChanged")) {
                    return "event:" + event + (body.path("args").path(1).has("failedCode") ? ":failed" : ":plain");
                }
                return "event:" + event;
            case "result":
                return body.has("commandId") ? "result:" + body.path("command").asText() : null;
            default:
                return type;
        }
    }

    /**
     * The body as the two sides must agree on it. A real portal hands the page one argument per event (the state
     * alone; BeforeClose's []), while the documented form is [state, params] and no arguments: the decoder reads the
     * state and ignores BeforeClose's arguments, so those are what is compared.
     */
    private static JsonNode comparable(JsonNode body) {
        String event = body.path("event").asText();
        if (!event.equals("CallCard::CallStateChanged") && !event.equals("CallCard::BeforeClose")) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        ArrayNode args = copy.putArray("args");
        if (event.equals("CallCard::CallStateChanged")) {
            args.add(body.path("args").path(0));
        }
        return copy;
    }

    /** Keys and JSON types, nested: {@code {args:[string,{failedCode:string}],callId:string,...}}. */
    static String shape(JsonNode node) {
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.add(name + ":" + shape(node.get(name)));
            }
            fields.sort(null);
            return "{" + String.join(",", fields) + "}";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(shape(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The args of the browser's CallStateChanged and BeforeClose messages, once they all arrived, as JSON. */
    private static List<String> browserArgs(CapturingListener listener, String session) throws InterruptedException {
        waitFor(() -> count(listener, session, "CallCard::BeforeClose") == 1, "BeforeClose");
        List<String> args = new ArrayList<>();
        for (CapturingListener.Request request : listener.of(session, "/bridge/events")) {
            JsonNode body = BridgeContract.parse(request.body());
            String event = body.path("event").asText();
            if (event.equals("CallCard::CallStateChanged") || event.equals("CallCard::BeforeClose")) {
                args.add(body.get("args").toString());
            }
        }
        return args;
    }

    private static long count(CapturingListener listener, String session, String needle) {
        return listener.of(session, "/bridge/events").stream().filter(r -> r.body().contains(needle)).count();
    }

    private static void fire(JavascriptExecutor js, String event, String argsJson) {
        assertEquals(Boolean.TRUE, js.executeScript(
                "return window.__sandbox.fireEvent(arguments[0], JSON.parse(arguments[1]))", event, argsJson));
    }

    private static JsonNode example(String name) {
        return BitrixExamples.json(name);
    }

    private static void waitInPage(WebDriver driver, String script) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

}
