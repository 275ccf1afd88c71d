package io.callcard.listener;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the latest widget token pair in memory only: never written to disk, never logged. */
final class InMemoryWidgetCredentials implements WidgetCredentials {

    private final AtomicReference<WidgetAuth> latest = new AtomicReference<>();

    void offer(WidgetAuth auth) {
        latest.set(auth);
    }

    @Override
    public Optional<WidgetAuth> latest() {
        return Optional.ofNullable(latest.get());
    }
}
