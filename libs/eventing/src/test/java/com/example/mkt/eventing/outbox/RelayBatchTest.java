package com.example.mkt.eventing.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class RelayBatchTest {

    private final List<Long> sent = new ArrayList<>();

    private Future<RecordMetadata> ok(long id) {
        sent.add(id);
        return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition("t", 0), 0, 0, 0, 0, 0));
    }

    private Future<RecordMetadata> refused(long id, RuntimeException e) {
        sent.add(id);
        return CompletableFuture.failedFuture(e);
    }

    @Test
    void aFailedRowKeepsTheLaterRowsOfItsKeyBackAndARefusedTopicFailsWithoutMoreSends() throws Exception {
        RelayBatch batch = new RelayBatch();
        batch.offer(1, "a", "k", 2, false, Instant.EPOCH, () -> refused(1, new RecordTooLargeException("big")));
        batch.offer(2, "a", "k", 0, false, Instant.EPOCH, () -> ok(2));
        batch.offer(3, "a", "other", 0, false, Instant.EPOCH, () -> ok(3));
        batch.offer(4, "b", "x", 0, false, Instant.EPOCH, () -> refused(4, new TopicAuthorizationException("no")));
        batch.offer(5, "b", "y", 0, false, Instant.EPOCH, () -> ok(5));
        batch.offer(6, "a", "held", 0, true, Instant.EPOCH, () -> ok(6));
        batch.awaitSends();

        assertEquals(List.of(1L, 3L, 4L), sent, "2 waits behind 1, 5's topic is refused, 6 is held");
        assertEquals(List.of(3L), batch.acknowledged());
        assertEquals(List.of(6L), batch.held());
        assertEquals(1, batch.deferred());
        assertEquals(List.of(5L, 1L, 4L), batch.failed().stream().map(RelayBatch.Failed::id).toList());
        assertEquals(2, batch.failed().get(1).attempts());
        assertEquals(6, batch.read());
    }

    @Test
    void onlyDefiniteRefusalsCountTowardParking() {
        assertTrue(SendFailure.of(new RecordTooLargeException("big")).counts(false));
        assertTrue(SendFailure.of(new TopicAuthorizationException("no")).topicWide());
        SendFailure missing = SendFailure.of(new TimeoutException("Topic x not present in metadata after 10000 ms."));
        assertTrue(missing.topicWide());
        assertTrue(missing.counts(true), "a missing topic on a broker that answers");
        assertFalse(missing.counts(false), "the same timeout when the broker is away");
        assertFalse(SendFailure.of(new TimeoutException("Expiring 3 record(s)")).counts(true));
        assertFalse(SendFailure.of(new NotEnoughReplicasException("isr")).counts(true));
    }
}
