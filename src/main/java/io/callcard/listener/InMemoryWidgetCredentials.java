package io.callcard.listener;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Keeps the latest widget token pair in memory only: never written to disk, never logged. */
final class InMemoryWidgetCredentials implements WidgetCredentials {

    private final AtomicReference<WidgetAuth> latest = new AtomicReference<>();
    private final List<Consumer<WidgetAuth>> watchers = new CopyOnWriteArrayList<>();

    void offer(WidgetAuth auth) {
        latest.set(auth);
        for (Consumer<WidgetAuth> watcher : watchers) {
            watcher.accept(auth);
        }
    }

    @Override
    public Optional<WidgetAuth> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public void watch(Consumer<WidgetAuth> watcher) {
        watchers.add(Objects.requireNonNull(watcher, "watcher"));
    }
}
