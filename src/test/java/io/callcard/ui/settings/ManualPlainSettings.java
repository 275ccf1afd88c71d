package io.callcard.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Saved settings the test controls: loads answer at once with {@link #saved}, saves wait for the test. */
final class ManualPlainSettings implements PlainSettings {

    /** One save as it was asked for. */
    record Save(int port, String address, boolean offer, boolean follow, boolean importRecords, RateLimitChoice rateLimit,
                CompletableFuture<SaveResult> answer) {
    }

    SavedSettings saved = new SavedSettings(48024, null, false, false, false, null, RateLimitChoice.STANDARD, "");
    private final List<Save> saves = new ArrayList<>();

    @Override
    public CompletableFuture<SavedSettings> load() {
        return CompletableFuture.completedFuture(saved);
    }

    @Override
    public CompletableFuture<SaveResult> save(int listenerPort, String listenerAddress, boolean offerWidgetCredentials,
                                              boolean followCallsToEnd, boolean importCallRecords,
                                              RateLimitChoice rateLimit) {
        Save save = new Save(listenerPort, listenerAddress, offerWidgetCredentials, followCallsToEnd, importCallRecords,
                rateLimit, new CompletableFuture<>());
        saves.add(save);
        return save.answer();
    }

    List<Save> saves() {
        return saves;
    }
}
