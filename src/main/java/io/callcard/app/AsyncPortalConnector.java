package io.callcard.app;

import io.callcard.ui.Messages;
import io.callcard.ui.settings.ConnectionResult;
import io.callcard.ui.settings.PortalConnectService;
import io.callcard.ui.settings.RateLimitChoice;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings window's Connect and Disconnect: {@link PortalConnector}, run on the settings thread (it talks to the
 * portal and may wait up to 2 s for a keyring), never on the FX thread. The webhook URL is never logged.
 */
final class AsyncPortalConnector implements PortalConnectService {

    private final Path configDir;
    private final Messages messages;
    private final Executor io;
    private PortalConnector connector;

    AsyncPortalConnector(Path configDir, Messages messages, Executor io) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.io = Objects.requireNonNull(io, "io");
    }

    @Override
    public CompletableFuture<ConnectionResult> connect(String webhookUrl, RateLimitChoice rateLimit) {
        return on(() -> {
            PortalConnector.Outcome outcome = connector().connectWebhook(webhookUrl, RateLimits.stored(rateLimit));
            if (outcome.connected()) {
                log().info("Settings: connected to portal {}", outcome.identity().portalHost());
            } else {
                log().info("Settings: portal not connected ({}, {})", outcome.messageKey(), outcome.reasonKey());
            }
            return new ConnectionResult(outcome.connected(),
                    outcome.connected() ? outcome.identity().portalHost() : null, outcome.words(messages));
        });
    }

    @Override
    public CompletableFuture<ConnectionResult> disconnect() {
        return on(() -> {
            PortalConnector.Outcome outcome = connector().disconnect();
            log().info("Settings: disconnect {}", outcome.connected() ? "done" : "failed: " + outcome.messageKey());
            return new ConnectionResult(outcome.connected(), null, outcome.words(messages));
        });
    }

    private CompletableFuture<ConnectionResult> on(Supplier<ConnectionResult> work) {
        return CompletableFuture.supplyAsync(work, io);
    }

    /** Made on first use, on the settings thread: opening the secret store may wait for a keyring. */
    private synchronized PortalConnector connector() {
        if (connector == null) {
            connector = PortalConnector.forConfigDir(configDir);
        }
        return connector;
    }

    private static Logger log() {
        return LoggerFactory.getLogger(AsyncPortalConnector.class);
    }
}
