package com.example.mkt.eventing.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.testinfra.KafkaTestClient;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch that fails while the application stops (the persistence layer closing under it), or because the runtime
 * itself is broken (a class missing), is left unapplied and uncommitted for redelivery: never retried one by one into
 * the dead-letter topic.
 */
@QuarkusTest
class StoppingIT {

    @Inject
    EventConsumer consumer;
    @Inject
    EventCodec codec;

    @Test
    void aBatchFailingDuringShutdownIsNeitherAppliedNorDeadLettered() throws Exception {
        String topic = "eventing.test.stopping." + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        ConsumerRecords<String, String> batch = records(topic, id);
        List<String> applied = new ArrayList<>();
        consumer.stopping(true);
        try {
            // a batch already running when the stop began: its failure is the shutdown's, not the events'
            assertThrows(EventConsumer.StoppingException.class, () -> consumer.consume("stopping-test", batch, events -> {
                throw new IllegalStateException("EntityManagerFactory is closed");
            }));
            // a batch polled after the stop began is not started at all
            assertThrows(EventConsumer.StoppingException.class,
                    () -> consumer.consume("stopping-test", batch, events -> applied.addAll(ids(events))));
        } finally {
            consumer.stopping(false);
        }
        // after the restart the redelivered batch applies: nothing was marked processed
        consumer.consume("stopping-test", batch, events -> applied.addAll(ids(events)));
        assertEquals(List.of(id), applied);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> dead = kafka.readAll(topic + ".dlq", Duration.ofSeconds(3));
            assertTrue(dead.isEmpty(), "dead letters: " + dead);
        }
    }

    @Test
    void aBatchFailingWithABrokenRuntimeIsNeitherAppliedNorDeadLettered() throws Exception {
        String topic = "eventing.test.broken." + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        ConsumerRecords<String, String> batch = records(topic, id);
        List<String> applied = new ArrayList<>();
        assertThrows(EventConsumer.BrokenRuntimeException.class, () -> consumer.consume("broken-test", batch,
                events -> {
                    throw new NoClassDefFoundError("com/example/mkt/eventing/jdbc/UnnestColumns");
                }));
        // the repaired instance applies the redelivered batch: nothing was marked processed
        consumer.consume("broken-test", batch, events -> applied.addAll(ids(events)));
        assertEquals(List.of(id), applied);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> dead = kafka.readAll(topic + ".dlq", Duration.ofSeconds(3));
            assertTrue(dead.isEmpty(), "dead letters: " + dead);
        }
    }

    private static List<String> ids(List<InboundEvent> events) {
        return events.stream().map(e -> e.envelope().id()).toList();
    }

    private ConsumerRecords<String, String> records(String topic, String id) {
        EventEnvelope envelope = new EventEnvelope("1.0", id, "/test", "test.happened", "1", null, OffsetDateTime.now(),
                "k1", "application/json", codec.toTree(Map.of("note", "停")));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, "k1", codec.write(envelope));
        return new ConsumerRecords<>(Map.of(new TopicPartition(topic, 0), List.of(record)), Map.of());
    }
}
