package com.example.mkt.gateway.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The last updates this gateway instance has read, numbered in arrival order, and who listens for the next ones.
 * A stream that reconnects names the last number it saw and gets what it missed, as long as it is still held:
 * {@code capacity} updates, a few seconds to minutes of a busy day. Older than that, or from another instance (whose
 * numbers mean nothing here: {@code epoch} differs), the client is told to reload instead. The trade-off: memory
 * bounded by the capacity whatever the traffic, at the price of a reload after a long disconnect.
 *
 * <p>Appending and subscribing hold one lock, so a new subscriber's replay and its live updates neither overlap nor
 * leave a gap. Listeners run under that lock: they must only hand the update on (an asynchronous write).
 */
public final class LiveFeed {

    /** One update: its number, the org unit it belongs to, its event type and data (JSON). */
    public record Update(long seq, String orgUnit, String type, String data) {
    }

    private final String epoch;
    private final int capacity;
    private final ArrayDeque<Update> recent;
    private final List<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();
    private long last;

    public LiveFeed(String epoch, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.epoch = epoch;
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    /** Tells this instance's numbers from another's: part of every event id. */
    public String epoch() {
        return epoch;
    }

    public synchronized void append(String orgUnit, String type, String data) {
        Update update = new Update(++last, orgUnit, type, data);
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(update);
        for (Consumer<Update> listener : listeners) {
            listener.accept(update);
        }
    }

    /**
     * Registers {@code listener} for every update from now on and returns what came after {@code after} (0: nothing
     * to replay), or empty when that is no longer known: the listener is then not registered.
     */
    public synchronized Optional<List<Update>> subscribe(long after, Consumer<Update> listener) {
        List<Update> missed = new ArrayList<>();
        if (after > 0) {
            long oldest = recent.isEmpty() ? last + 1 : recent.getFirst().seq();
            if (after > last || after < oldest - 1) {
                return Optional.empty();
            }
            for (Update u : recent) {
                if (u.seq() > after) {
                    missed.add(u);
                }
            }
        }
        listeners.add(listener);
        return Optional.of(missed);
    }

    public void unsubscribe(Consumer<Update> listener) {
        listeners.remove(listener);
    }

    public int listeners() {
        return listeners.size();
    }

    /** The number of the newest update, 0 before the first. */
    public synchronized long last() {
        return last;
    }
}
