package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.testinfra.SharedInfra;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Measures commit-to-consumer latency under light load (one event at a time) and prints it. Timing is
 * reported, not asserted: a loaded CI machine must not fail a correctness build.
 */
@QuarkusTest
class OutboxLatencyIT {

    @Inject
    Outbox outbox;

    @Test
    void reportsCommitToConsumerLatency() throws Exception {
        String topic = "eventing.test.latency." + UUID.randomUUID();
        // Create the topic and position the reader before measuring.
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new OutboundEvent(topic, "test.warmed", 1, "k",
                Map.of("n", -1))));
        Map<String, Object> props = Map.of("bootstrap.servers", SharedInfra.get().bootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName());
        List<Long> micros = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < 30; i++) {
                int n = i;
                QuarkusTransaction.requiringNew().run(() -> outbox.publish(new OutboundEvent(topic, "test.timed", 1,
                        "k", Map.of("n", n))));
                long committed = System.nanoTime();
                boolean seen = false;
                while (!seen && System.nanoTime() - committed < Duration.ofSeconds(10).toNanos()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                        seen |= r.value().contains("\"n\":" + n + "}");
                    }
                }
                assertTrue(seen, "event " + n + " not consumed within 10 s");
                micros.add((System.nanoTime() - committed) / 1000);
                Thread.sleep(20);
            }
        }
        assertEquals(30, micros.size());
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("outbox commit->consume latency over 30 single events: p50=%.1f ms p90=%.1f ms max=%.1f ms%n",
                sorted.get(15) / 1000.0, sorted.get(27) / 1000.0, sorted.get(29) / 1000.0);
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> consumer, String topic)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var partitions = consumer.partitionsFor(topic);
            if (partitions != null && !partitions.isEmpty()) {
                return partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("topic " + topic + " not created");
    }
}
