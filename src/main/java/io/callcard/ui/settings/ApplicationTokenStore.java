package io.callcard.ui.settings;

import java.util.concurrent.CompletableFuture;

/**
 * The portal's application token in the secret store, as {@code portal app-token} keeps it: whether one is saved,
 * saving one, forgetting it. The token goes in and never comes back out: the window cannot show it, and no answer
 * repeats it. Both touch the keyring or a file: async.
 */
public interface ApplicationTokenStore {

    CompletableFuture<Boolean> isSaved();

    /** Saves {@code token} (well formed: {@code wire.ApplicationToken}), replacing the one saved. */
    CompletableFuture<SaveResult> save(String token);

    CompletableFuture<SaveResult> forget();
}
