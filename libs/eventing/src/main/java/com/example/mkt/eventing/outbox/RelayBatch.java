package com.example.mkt.eventing.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One relay round's rows and what became of each. Keeps per-key order when a row fails: the key's later rows in the
 * round are not sent (they stay pending and come back next round), and a row whose key has a parked row is held.
 * A topic Kafka refuses as a whole fails all its rows of the round without sending more.
 */
final class RelayBatch {

    /** A row that was sent, with its send. */
    record Sent(long id, Instant createdAt, Future<RecordMetadata> send) {
    }

    /** A row Kafka did not take. */
    record Failed(long id, int attempts, SendFailure failure) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Map<Long, Integer> attemptsOf = new HashMap<>();
    private final List<Long> acknowledged = new ArrayList<>();
    private final List<Instant> acknowledgedCreated = new ArrayList<>();
    private final List<Failed> failed = new ArrayList<>();
    private final List<Long> held = new ArrayList<>();
    private final Set<String> blockedKeys = new HashSet<>();
    private final Map<String, SendFailure> refusedTopics = new HashMap<>();
    private int deferred;
    private int read;

    /**
     * Offers one row in id order; sends it unless its key or topic is blocked.
     *
     * @param heldBehindParked the key has a parked row (from the relay's select)
     * @param send             sends the record (called at most once)
     */
    void offer(long id, String topic, String key, int attempts, boolean heldBehindParked, Instant createdAt,
            Supplier<Future<RecordMetadata>> send) {
        read++;
        String topicKey = topic + '\u0000' + key;
        SendFailure topicRefusal = refusedTopics.get(topic);
        if (heldBehindParked) {
            held.add(id);
            blockedKeys.add(topicKey);
        } else if (topicRefusal != null) {
            failed.add(new Failed(id, attempts, topicRefusal));
            blockedKeys.add(topicKey);
        } else if (blockedKeys.contains(topicKey)) {
            deferred++;
        } else {
            Future<RecordMetadata> future;
            try {
                future = send.get();
            } catch (SerializationException e) {
                future = CompletableFuture.failedFuture(e); // thrown by send() itself instead of failing its future
            }
            attemptsOf.put(id, attempts);
            sent.add(new Sent(id, createdAt, future));
            // Records too large, unknown or refused topics fail inside send(): block before the key's next row is sent.
            SendFailure early = failureIfDone(future);
            if (early != null) {
                blockedKeys.add(topicKey);
                if (early.topicWide()) {
                    refusedTopics.put(topic, early);
                }
            }
        }
    }

    /** Waits for every send (call after the producer's flush) and sorts the rows into acknowledged and failed. */
    void awaitSends() throws InterruptedException {
        for (Sent s : sent) {
            try {
                s.send().get();
                acknowledged.add(s.id());
                acknowledgedCreated.add(s.createdAt());
            } catch (ExecutionException e) {
                failed.add(new Failed(s.id(), attemptsOf.get(s.id()), SendFailure.of(e)));
            }
        }
    }

    private static SendFailure failureIfDone(Future<RecordMetadata> future) {
        if (!future.isDone()) {
            return null;
        }
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return SendFailure.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    List<Long> acknowledged() {
        return acknowledged;
    }

    List<Instant> acknowledgedCreated() {
        return acknowledgedCreated;
    }

    List<Failed> failed() {
        return failed;
    }

    List<Long> held() {
        return held;
    }

    /** Rows read but neither sent nor settled: they wait behind a failed row of their key. */
    int deferred() {
        return deferred;
    }

    /** Rows offered this round. */
    int read() {
        return read;
    }
}
