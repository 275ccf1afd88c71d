package io.callcard.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A portal the test answers by hand: every request is recorded, and its future waits for the test. */
final class ManualPortalConnectService implements PortalConnectService {

    /** One request as it was sent. */
    record Sent(String what, String webhookUrl, RateLimitChoice rateLimit, CompletableFuture<ConnectionResult> answer) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public CompletableFuture<ConnectionResult> connect(String webhookUrl, RateLimitChoice rateLimit) {
        return record(new Sent("connect", webhookUrl, rateLimit, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<ConnectionResult> disconnect() {
        return record(new Sent("disconnect", null, null, new CompletableFuture<>()));
    }

    private CompletableFuture<ConnectionResult> record(Sent request) {
        sent.add(request);
        return request.answer();
    }

    List<Sent> sent() {
        return sent;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }
}
