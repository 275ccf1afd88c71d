package io.callcard.threads;

import java.util.Objects;

/**
 * A failure on a background thread: which thread, and the exception that ended its task.
 *
 * @param thread the failed thread's name, as {@link BackgroundThreads} gave it (e.g. {@code sandbox-portal})
 * @param cause what was thrown
 */
public record BackgroundFailure(String thread, Throwable cause) {

    public BackgroundFailure {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(cause, "cause");
    }

    /** True when the thread's name is {@code name} or {@code name-N} (a numbered thread of a pool). */
    public boolean isOn(String name) {
        return thread.equals(name) || thread.startsWith(name + "-") && thread.substring(name.length() + 1)
                .chars().allMatch(Character::isDigit);
    }
}
