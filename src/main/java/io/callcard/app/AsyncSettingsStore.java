package io.callcard.app;

import io.callcard.config.PortalSettings;
import io.callcard.config.Settings;
import io.callcard.config.SettingsException;
import io.callcard.config.SettingsStore;
import io.callcard.ui.Messages;
import io.callcard.ui.settings.PlainSettings;
import io.callcard.ui.settings.RateLimitChoice;
import io.callcard.ui.settings.SaveResult;
import io.callcard.ui.settings.SavedSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings window's plain settings: {@code settings.json} through {@link SettingsStore}, on the settings thread.
 * The file's own rules (an IP literal for the address, a port) are checked again on save: a refused value changes
 * nothing and the window says why.
 */
final class AsyncSettingsStore implements PlainSettings {

    private final Path configDir;
    private final Messages messages;
    private final Executor io;

    AsyncSettingsStore(Path configDir, Messages messages, Executor io) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.io = Objects.requireNonNull(io, "io");
    }

    @Override
    public CompletableFuture<SavedSettings> load() {
        return CompletableFuture.supplyAsync(() -> {
            SettingsStore store = new SettingsStore(configDir);
            try {
                Settings s = store.load();
                PortalSettings portal = s.portal();
                return new SavedSettings(s.effectiveListenerPort(), s.listenerAddress(),
                        s.effectiveOfferWidgetCredentials(),
                        s.effectiveFollowCallsToEnd(), s.effectiveImportCallRecords(),
                        portal == null ? null : portal.host(),
                        portal == null ? RateLimitChoice.STANDARD : RateLimits.choice(portal.effectiveRateLimit()),
                        "");
            } catch (SettingsException e) {
                Settings d = Settings.DEFAULTS;
                return new SavedSettings(d.effectiveListenerPort(), null, d.effectiveOfferWidgetCredentials(),
                        d.effectiveFollowCallsToEnd(), d.effectiveImportCallRecords(), null,
                        RateLimitChoice.STANDARD, messages.get("status.settingsIgnored", store.file(), e.detail()));
            }
        }, io);
    }

    @Override
    public CompletableFuture<SaveResult> save(int listenerPort, String listenerAddress, boolean offerWidgetCredentials,
                                              boolean followCallsToEnd, boolean importCallRecords,
                                              RateLimitChoice rateLimit) {
        return CompletableFuture.supplyAsync(() -> {
            SettingsStore store = new SettingsStore(configDir);
            try {
                store.update(current -> {
                    PortalSettings portal = current.portal();
                    if (portal != null) {
                        portal = new PortalSettings(portal.kind(), portal.portalUrl(), portal.clientId(),
                                RateLimits.stored(rateLimit), portal.memberId());
                    }
                    return current.withListenerPort(listenerPort).withListenerAddress(listenerAddress)
                            .withOfferWidgetCredentials(offerWidgetCredentials)
                            .withFollowCallsToEnd(followCallsToEnd).withImportCallRecords(importCallRecords)
                            .withPortal(portal);
                });
                log().info("Settings saved: listener port {}, address {}, widget sign-in offered: {}, calls followed to"
                        + " the end: {}, portal's call records imported: {}", listenerPort,
                        listenerAddress == null ? "default" : listenerAddress, offerWidgetCredentials, followCallsToEnd,
                        importCallRecords);
                return new SaveResult(true, messages.get("settings.saved"));
            } catch (SettingsException e) {
                log().warn("Settings not saved: {}", e.getMessage());
                return new SaveResult(false, messages.get("settings.notSaved", store.file(), e.detail()));
            }
        }, io);
    }

    private static Logger log() {
        return LoggerFactory.getLogger(AsyncSettingsStore.class);
    }
}
