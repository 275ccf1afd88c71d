package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.callcard.threads.BackgroundThreads;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request gate in front of every route, one per listener: the Host check ({@link AllowedHosts}), the Origin
 * check ({@link AllowedOrigins}), the route's token bucket (429 {@code rate_limited}), the cap on exchanges in
 * progress (503 {@code busy}) and the body deadline. Rejections are JSON errors with {@code Retry-After} where
 * waiting helps; nothing of the request is echoed.
 *
 * <p>The body deadline exists because the JDK server has none: its {@code maxReqTime} ends once the headers are read,
 * and a handler blocked reading a body whose sender stalled waits for as long as the sender likes. So an exchange
 * that carries a body and is still unanswered after {@link GuardLimits#bodyTimeout()} is closed from here, which
 * cuts the connection (closing an unanswered exchange closes its socket) and unblocks the read.
 */
final class ListenerGate implements AutoCloseable {

    static final String WATCHDOG_THREAD = "listener-watchdog";

    private static final Logger log = LoggerFactory.getLogger(ListenerGate.class);

    private final AllowedHosts hosts;
    private final AllowedOrigins origins;
    private final GuardLimits limits;
    private final Semaphore inProgress;
    private final ScheduledExecutorService watchdog;

    ListenerGate(ListenerConfig config, int boundPort) {
        this.hosts = new AllowedHosts(config.bindAddress(), boundPort);
        this.origins = new AllowedOrigins(config.bindAddress(), boundPort, config.portalHost());
        this.limits = config.limits();
        this.inProgress = new Semaphore(limits.maxConcurrentExchanges());
        this.watchdog = BackgroundThreads.scheduler(WATCHDOG_THREAD);
    }

    /** {@code route} behind this gate with {@code policy}'s rules and its own token bucket. */
    HttpHandler guard(RoutePolicy policy, HttpHandler route) {
        return new Guarded(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(route, "route"),
                new TokenBucket(limits.ratePerSecond(policy), System::nanoTime));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private final class Guarded implements HttpHandler {

        private final RoutePolicy policy;
        private final HttpHandler route;
        private final TokenBucket bucket;

        Guarded(RoutePolicy policy, HttpHandler route, TokenBucket bucket) {
            this.policy = policy;
            this.route = route;
            this.bucket = bucket;
        }

        @Override
        public void handle(HttpExchange exchange) {
            try {
                hosts.check(exchange);
                origins.check(exchange, policy);
                long wait = bucket.tryTake();
                if (wait > 0) {
                    throw RequestRejected.rateLimited(TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
                }
                if (!inProgress.tryAcquire()) {
                    throw RequestRejected.busy(1);
                }
                try {
                    serveWithDeadline(exchange);
                } finally {
                    inProgress.release();
                }
            } catch (RequestRejected rejected) {
                reject(exchange, rejected);
            }
        }

        private void serveWithDeadline(HttpExchange exchange) {
            ScheduledFuture<?> deadline = carriesBody(exchange) ? watchdog.schedule(() -> cutIfUnanswered(exchange),
                    limits.bodyTimeout().toNanos(), TimeUnit.NANOSECONDS) : null;
            try {
                route.handle(exchange);
            } catch (IOException | RuntimeException escaped) {
                // routes answer their own failures (JsonExchangeHandler); this is the last line, never the usual path
                log.error("Route {} failed outside its handler", policy.route(), escaped);
                exchange.close();
            } finally {
                if (deadline != null) {
                    deadline.cancel(false);
                }
            }
        }

        private void cutIfUnanswered(HttpExchange exchange) {
            if (exchange.getResponseCode() == -1) {
                log.debug("Cutting a {} exchange whose body did not arrive in {}", policy.route(), limits.bodyTimeout());
                exchange.close();
            }
        }

        private void reject(HttpExchange exchange, RequestRejected rejected) {
            log.debug("Gate refused a {} request: {}", policy.route(), rejected.code());
            try {
                JsonResponses.sendRejection(exchange, rejected);
            } catch (IOException clientGone) {
                log.debug("Could not send {}: {}", rejected.code(), clientGone.toString());
            } finally {
                exchange.close();
            }
        }
    }

    /** A Content-Length above 0 or any Transfer-Encoding: a body a slow sender could stall. */
    private static boolean carriesBody(HttpExchange exchange) {
        if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
            return true;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        return length != null && !length.trim().equals("0");
    }
}
