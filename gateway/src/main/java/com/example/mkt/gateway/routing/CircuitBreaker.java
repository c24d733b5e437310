package com.example.mkt.gateway.routing;

import java.util.function.LongSupplier;

/**
 * Stops sending to a backend that keeps failing (connection refused, timeouts), so callers get a fast 503
 * instead of piling up on timeouts, and the backend gets room to recover. After {@code openNanos} one
 * trial request is let through; its outcome closes or re-opens the circuit.
 */
public class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private long trialStartedAt;

    public CircuitBreaker(int failureThreshold, long openNanos, LongSupplier nanoClock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether a request may go to the backend now. */
    public synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now - openedAt >= openNanos) {
                    state = State.HALF_OPEN;
                    trialStartedAt = now;
                    return true;
                }
                return false;
            default:
                // A trial whose outcome never came (the caller went away) must not block the backend forever.
                if (now - trialStartedAt >= openNanos) {
                    trialStartedAt = now;
                    return true;
                }
                return false;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void onFailure() {
        long now = nanoClock.getAsLong();
        if (state == State.HALF_OPEN) {
            open(now);
            return;
        }
        failures++;
        if (failures >= failureThreshold) {
            open(now);
        }
    }

    private void open(long now) {
        state = State.OPEN;
        openedAt = now;
        failures = 0;
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until a trial request will be let through. */
    public synchronized long retryAfterSeconds() {
        long remaining = state == State.OPEN ? openNanos - (nanoClock.getAsLong() - openedAt) : openNanos;
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
