package io.callcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.threads.BackgroundThreads;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The widget page's command loop, as the bridge script runs it: long-polls
 * {@code GET bridge/commands?session=S&after=N&wait=MS} for the open page, runs each new command against the
 * {@link SimulatedCallCard} and posts the card's answer as a {@code result} with the command's id. An unreachable
 * listener is asked again with back-off (250 ms doubling to 10 s); a 401 renews the page's session;
 * an empty answer that came at once (the listener's long polls were busy) waits the listener's {@code pollMs}.
 * One daemon thread, {@value #THREAD_NAME}, started with the first page.
 */
final class WidgetCommands implements Runnable {

    static final String THREAD_NAME = "sandbox-widget-commands";

    private static final Logger log = LoggerFactory.getLogger(WidgetCommands.class);
    private static final long BACKOFF_MIN = 250;
    private static final long BACKOFF_MAX = 10_000;
    private static final long SHORT_POLL_MILLIS = 200;

    private final SimulatedWidget widget;
    private final URI endpoint;
    private Thread thread;
    private boolean stopped;

    WidgetCommands(SimulatedWidget widget, URI endpoint) {
        this.widget = widget;
        this.endpoint = endpoint;
    }

    synchronized void startOnce() {
        if (thread != null || stopped) {
            return;
        }
        thread = BackgroundThreads.start(THREAD_NAME, this);
    }

    /** The widget opened or dropped a page: a loop waiting for one looks again. */
    synchronized void pageChanged() {
        notifyAll();
    }

    /** Stops the loop: a long poll in flight is interrupted, and its thread gets up to {@code wait} to end. */
    void close(Duration wait) {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = thread;
            notifyAll();
        }
        if (running != null && running != Thread.currentThread()) {
            running.interrupt(); // ends a long poll in flight
            try {
                running.join(Math.max(1, wait.toMillis()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long backoff = BACKOFF_MIN;
        try {
            while (true) {
                WidgetPage page = awaitPage(null, Long.MAX_VALUE);
                if (page == null) {
                    return;
                }
                long started = System.nanoTime();
                HttpResponse<String> answer;
                try {
                    answer = widget.http().send(request(page), HttpResponse.BodyHandlers.ofString());
                } catch (IOException unreachable) {
                    log.debug("Sandbox widget could not fetch commands ({})", unreachable.toString());
                    pause(backoff);
                    backoff = Math.min(backoff * 2, BACKOFF_MAX);
                    continue;
                }
                if (answer.statusCode() == 401) {
                    // the companion restarted: the page asks for a new session, as the script does
                    if (widget.renew(page) == null) {
                        awaitPage(page, 1_000);
                    }
                    continue;
                }
                if (answer.statusCode() != 200) {
                    pause(backoff);
                    backoff = Math.min(backoff * 2, BACKOFF_MAX);
                    continue;
                }
                backoff = BACKOFF_MIN;
                JsonNode body = BridgeMessages.parse(answer.body());
                int ran = 0;
                for (JsonNode command : body.path("commands")) {
                    ran += run(page, command) ? 1 : 0;
                }
                boolean shortPoll = (System.nanoTime() - started) / 1_000_000 < SHORT_POLL_MILLIS;
                if (ran == 0 && body.path("commands").size() == 0 && shortPoll) {
                    pause(Math.max(50, body.path("pollMs").asLong(1_000)));
                }
            }
        } catch (InterruptedException stopping) {
            // close() interrupted a wait or a long poll
        }
        // anything else is a bug: it ends the thread, whose handler logs it and tells the application
    }

    private HttpRequest request(WidgetPage page) {
        URI uri = URI.create(endpoint + "?session=" + URLEncoder.encode(page.token(), StandardCharsets.UTF_8)
                + "&after=" + page.lastCommandId() + "&wait=" + page.commandWaitMillis());
        return HttpRequest.newBuilder(uri)
                .timeout(SimulatedWidget.TIMEOUT.plusMillis(page.commandWaitMillis()))
                .header("Cache-Control", "no-store")
                .GET()
                .build();
    }

    /** Runs one command once, as the script does: unknown commands get no answer. True when it was answered. */
    private boolean run(WidgetPage page, JsonNode command) {
        long id = command.path("id").asLong();
        String name = command.path("command").asText();
        if (!page.claimCommand(id)) {
            return false;
        }
        JsonNode result = widget.card().command(name);
        if (result == null) {
            return false;
        }
        widget.send(page, BridgeMessages.result(page.callId(), name, result, id));
        widget.card().answerSent();
        return true;
    }

    /**
     * The open page other than {@code seen}, waiting up to {@code maxMillis} for one; null when stopped. After
     * {@code maxMillis} the open page is returned even if it is {@code seen}.
     */
    private synchronized WidgetPage awaitPage(WidgetPage seen, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(maxMillis, 3_600_000L) * 1_000_000;
        while (!stopped) {
            WidgetPage open = widget.page();
            long remaining = (deadline - System.nanoTime()) / 1_000_000;
            if (open != null && (open != seen || remaining <= 0)) {
                return open;
            }
            wait(remaining > 0 ? remaining : 1_000);
        }
        return null;
    }

    private synchronized void pause(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long remaining = millis;
        while (!stopped && remaining > 0) {
            wait(remaining);
            remaining = (deadline - System.nanoTime()) / 1_000_000;
        }
    }
}
