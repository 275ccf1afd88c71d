package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import io.callcard.wire.PhpForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /bridge/commands?session=S&after=N[&wait=MS]}: the commands queued for widget session S with an id above
 * N, as {@code {"commands":[{"id":1,"command":"disableAutoClose"}],"pollMs":1000}}. With {@code wait} the request is
 * held until a command arrives or {@code wait} ms (at most {@value #MAX_WAIT_MILLIS}) pass: a long poll. A long poll
 * holds a listener worker thread, so at most {@value #MAX_LONG_POLLS} are held at once; beyond that the answer comes
 * at once (a short poll) and the page waits its poll interval before asking again. {@code pollMs} is the getStatus
 * interval the companion wants. Unknown or expired session: 401. A session whose token was refused: 403 with the
 * reason; one still being checked is never sent a command ({@link WidgetSessions#newest()}), so its polls find none.
 */
final class BridgeCommandsRoute extends JsonExchangeHandler {

    static final String PATH = "/bridge/commands";
    static final long MAX_WAIT_MILLIS = 10_000;
    static final int MAX_LONG_POLLS = 2;

    private final WidgetSessions sessions;
    private final WidgetConfig config;
    private final Semaphore longPolls = new Semaphore(MAX_LONG_POLLS);

    BridgeCommandsRoute(WidgetSessions sessions, WidgetConfig config) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        RequestGuards.requireMethod(exchange, "GET");
        Map<String, String> query = PhpForm.decodeFlat(exchange.getRequestURI().getRawQuery());
        WidgetSession session = sessions.find(query.get("session")).orElseThrow(WidgetRejections::unknownSession);
        if (session.state() == WidgetSession.State.REFUSED) {
            throw WidgetRejections.refused(session.refusal());
        }
        long after = number(query, "after", 0, Long.MAX_VALUE);
        long wait = number(query, "wait", 0, MAX_WAIT_MILLIS);
        List<WidgetCommandQueue.Command> found;
        try {
            if (wait > 0 && longPolls.tryAcquire()) {
                try {
                    found = session.commands().after(after, wait);
                } finally {
                    longPolls.release();
                }
            } else {
                found = session.commands().after(after, 0);
            }
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            throw new IOException("listener shutting down", shuttingDown);
        }
        List<Map<String, Object>> commands = new ArrayList<>();
        for (WidgetCommandQueue.Command command : found) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", command.id());
            entry.put("command", command.command());
            commands.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commands", commands);
        body.put("pollMs", config.pollInterval().toMillis());
        JsonResponses.send(exchange, 200, body);
    }

    private static long number(Map<String, String> query, String key, long min, long max) {
        String text = query.get(key);
        if (text == null || text.isEmpty()) {
            return min;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min) {
                throw WidgetRejections.invalidForm(key + " must be >= " + min);
            }
            return Math.min(value, max);
        } catch (NumberFormatException notANumber) {
            throw WidgetRejections.invalidForm(key + " must be an integer");
        }
    }
}
