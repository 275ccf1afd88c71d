package io.callcard.portal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.HttpUrl;

/**
 * One REST call, run once by {@link #execute()} and stoppable from any thread by {@link #cancel()}, whether it is
 * waiting for its turn in the budget, backing off, or on the wire. Around the request it applies the client's
 * rules: one OAuth refresh and retry after an expired token, bounded back-off on the portal's rate limits.
 */
public final class PortalCall {

    private final PortalClient client;
    private final String method;
    private final byte[] json;
    private final AtomicBoolean started = new AtomicBoolean();

    private volatile boolean cancelled;
    private volatile boolean waiting;
    private volatile Thread runner;
    private volatile Call inFlight;

    PortalCall(PortalClient client, String method, byte[] json) {
        this.client = Objects.requireNonNull(client, "client");
        this.method = Objects.requireNonNull(method, "method");
        this.json = Objects.requireNonNull(json, "json");
    }

    public String method() {
        return method;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Stops the call; {@link #execute()} then throws a {@link PortalError#CANCELLED} exception. */
    public void cancel() {
        cancelled = true;
        Call call = inFlight;
        if (call != null) {
            call.cancel();
        }
        Thread thread = runner;
        // Only a thread parked in a wait is interrupted; one inside OkHttp stops through call.cancel().
        if (waiting && thread != null) {
            thread.interrupt();
        }
    }

    /** Runs the call on this thread. A call runs once. */
    public PortalResponse execute() throws PortalException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a PortalCall runs once");
        }
        runner = Thread.currentThread();
        client.register(this);
        try {
            return run();
        } finally {
            client.unregister(this);
            runner = null;
            if (cancelled) {
                Thread.interrupted(); // a late interrupt from cancel() must not leak into the caller's next wait
            }
        }
    }

    private PortalResponse run() throws PortalException {
        boolean refreshed = false;
        int retries = 0;
        while (true) {
            PortalCredentials credentials = client.credentials();
            pause(client.budget()::acquire);
            RawAnswer answer = client.transport().post(urlFor(credentials), json, method, this);
            try {
                return client.reader().read(method, answer.status(), answer.body());
            } catch (PortalException e) {
                if (isExpiry(e.error()) && credentials instanceof PortalCredentials.OAuth o && o.refreshable()
                        && !refreshed) {
                    client.refresher().refreshAfterExpiry(o);
                    refreshed = true;
                } else if (isRateLimit(e.error()) && retries < client.retryPolicy().maxRetries()) {
                    retries++;
                    if (e.error() == PortalError.QUERY_LIMIT_EXCEEDED) {
                        client.budget().markFull();
                    }
                    Duration wait = client.retryPolicy().delay(retries, answer.retryAfter());
                    client.listener().backingOff(method, e.error(), retries, wait);
                    PortalClock clock = client.clock();
                    long deadline = clock.nanoTime() + wait.toNanos();
                    pause(() -> clock.sleepUntil(deadline));
                } else {
                    throw e;
                }
            }
        }
    }

    /** Registers the OkHttp call so {@link #cancel()} can reach it; cancels at once when already cancelled. */
    Call track(Call call) {
        inFlight = call;
        if (cancelled) {
            call.cancel();
        }
        return call;
    }

    private HttpUrl urlFor(PortalCredentials credentials) {
        HttpUrl.Builder url = HttpUrl.get(credentials.restBase()).newBuilder().addPathSegment(method);
        if (credentials instanceof PortalCredentials.OAuth o) {
            url.addQueryParameter("auth", o.accessToken());
        }
        return url.build();
    }

    private void pause(Wait wait) throws PortalException {
        waiting = true;
        try {
            if (cancelled) {
                throw cancelledException(null);
            }
            wait.run();
        } catch (InterruptedException e) {
            if (!cancelled) {
                Thread.currentThread().interrupt(); // someone else's interrupt: keep it for them
            }
            throw cancelledException(e);
        } finally {
            waiting = false;
        }
        if (cancelled) {
            throw cancelledException(null);
        }
    }

    private PortalException cancelledException(Throwable cause) {
        return PortalException.transport(PortalError.CANCELLED, "cancelled", method, cause);
    }

    private static boolean isExpiry(PortalError error) {
        return error == PortalError.EXPIRED_TOKEN || error == PortalError.INVALID_TOKEN;
    }

    private static boolean isRateLimit(PortalError error) {
        return error == PortalError.QUERY_LIMIT_EXCEEDED || error == PortalError.OPERATION_TIME_LIMIT;
    }

    /** A blocking wait that a cancel interrupts. */
    @FunctionalInterface
    private interface Wait {
        void run() throws InterruptedException;
    }
}
