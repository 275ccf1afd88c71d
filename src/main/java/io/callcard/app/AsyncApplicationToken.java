package io.callcard.app;

import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStoreException;
import io.callcard.config.SecretStores;
import io.callcard.ui.Messages;
import io.callcard.ui.settings.ApplicationTokenStore;
import io.callcard.ui.settings.SaveResult;
import io.callcard.wire.ApplicationToken;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings window's application token: kept in the secret store under {@link SecretKeys#APPLICATION_TOKEN}, as
 * {@code portal app-token} keeps it, on the settings thread. Logs and answers say that a token was saved or
 * forgotten and where, never the token: a store failure's message is not passed on either, it may quote what it got.
 */
final class AsyncApplicationToken implements ApplicationTokenStore {

    private final Path configDir;
    private final Messages messages;
    private final Executor io;

    AsyncApplicationToken(Path configDir, Messages messages, Executor io) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.io = Objects.requireNonNull(io, "io");
    }

    @Override
    public CompletableFuture<Boolean> isSaved() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SecretStores.open(configDir).read(SecretKeys.APPLICATION_TOKEN).isPresent();
            } catch (SecretStoreException e) {
                log().warn("Cannot tell whether an application token is saved: {}", e.getClass().getSimpleName());
                return false;
            }
        }, io);
    }

    @Override
    public CompletableFuture<SaveResult> save(String token) {
        if (!ApplicationToken.isWellFormed(token)) {
            // the window refuses such a token before it gets here; this is the last guard, and it says nothing of it
            return CompletableFuture.completedFuture(new SaveResult(false, messages.get("settings.token.invalid")));
        }
        return CompletableFuture.supplyAsync(() -> {
            SecretStore secrets = SecretStores.open(configDir);
            try {
                secrets.write(SecretKeys.APPLICATION_TOKEN, token);
                log().info("Application token saved in the {}", secrets.describe());
                return new SaveResult(true, messages.get("settings.token.savedNow", secrets.describe()));
            } catch (SecretStoreException e) {
                log().warn("Application token not saved in the {}", secrets.describe());
                return new SaveResult(false, messages.get("settings.token.notSaved", secrets.describe()));
            }
        }, io);
    }

    @Override
    public CompletableFuture<SaveResult> forget() {
        return CompletableFuture.supplyAsync(() -> {
            SecretStore secrets = SecretStores.open(configDir);
            try {
                secrets.delete(SecretKeys.APPLICATION_TOKEN);
                log().info("Application token forgotten");
                return new SaveResult(true, messages.get("settings.token.forgotten"));
            } catch (SecretStoreException e) {
                log().warn("Application token not forgotten from the {}", secrets.describe());
                return new SaveResult(false, messages.get("settings.token.notSaved", secrets.describe()));
            }
        }, io);
    }

    private static Logger log() {
        return LoggerFactory.getLogger(AsyncApplicationToken.class);
    }
}
