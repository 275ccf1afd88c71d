package io.callcard.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Carries values from a busy thread to the UI, keeping only the newest: however many snapshots arrive between two
 * frames, the UI thread is asked once and applies the latest. A burst of events never floods the FX queue.
 */
public final class LatestValueRelay<T> implements Consumer<T> {

    private final AtomicReference<T> pending = new AtomicReference<>();
    private final Executor ui;
    private final Consumer<T> target;

    public LatestValueRelay(Executor ui, Consumer<T> target) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public void accept(T value) {
        if (pending.getAndSet(Objects.requireNonNull(value, "value")) == null) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        T latest = pending.getAndSet(null);
        if (latest != null) {
            target.accept(latest);
        }
    }
}
