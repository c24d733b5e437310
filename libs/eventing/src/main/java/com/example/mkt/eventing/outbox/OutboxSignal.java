package com.example.mkt.eventing.outbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** Wakes the relay when a transaction that wrote to the outbox commits. */
@ApplicationScoped
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        // One permit is enough to make the relay drain everything; more would only spin it.
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a wake-up or the timeout; true when woken. */
    boolean await(long millis) throws InterruptedException {
        boolean woken = pending.tryAcquire(millis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return woken;
    }
}
