package com.example.mkt.gateway.live;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many live streams are open, per person and in all, against the limits: each stream holds a connection (and a
 * share of the event loop) for as long as its page is open. The per-person limit comes first, so a person over it is
 * told so (429) rather than that the instance is full (503). Counts only: per instance, like the rate limits.
 */
final class StreamQuota {

    enum Admission { OPEN, TOO_MANY_FOR_PERSON, INSTANCE_FULL }

    private final int perPerson;
    private final int total;
    private final ConcurrentHashMap<String, Integer> byPerson = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    StreamQuota(int perPerson, int total) {
        this.perPerson = perPerson;
        this.total = total;
    }

    /** Counts a stream for {@code subject} when both limits allow it; {@link #release} gives an admitted one back. */
    Admission admit(String subject) {
        if (byPerson.merge(subject, 1, Integer::sum) > perPerson) {
            unlist(subject);
            return Admission.TOO_MANY_FOR_PERSON;
        }
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            unlist(subject);
            return Admission.INSTANCE_FULL;
        }
        return Admission.OPEN;
    }

    void release(String subject) {
        open.decrementAndGet();
        unlist(subject);
    }

    int open() {
        return open.get();
    }

    int of(String subject) {
        return byPerson.getOrDefault(subject, 0);
    }

    private void unlist(String subject) {
        byPerson.computeIfPresent(subject, (s, n) -> n <= 1 ? null : n - 1);
    }
}
