package com.example.mkt.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for an eventually consistent platform: polls until a probe answers non-null (or true). */
final class Eventually {

    private Eventually() {
    }

    static <T> T within(Duration patience, Duration poll, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + patience.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (AssertionError | RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + patience.toSeconds() + " s: " + what
                + (last == null ? "" : " (last: " + last.getMessage() + ")"), last);
    }
}
