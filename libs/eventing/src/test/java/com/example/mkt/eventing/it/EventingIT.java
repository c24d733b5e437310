package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The event backbone against the build's real PostgreSQL and Kafka. */
@QuarkusTest
class EventingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    EventCodec codec;
    @Inject
    DataSource dataSource;

    @Test
    void outboxPublishesEnvelopesInOrderPerKey() throws Exception {
        String topic = "eventing.test.out." + UUID.randomUUID();
        List<String> keys = List.of("agg-1", "agg-2", "agg-3");
        for (int round = 0; round < 10; round++) {
            int r = round;
            QuarkusTransaction.requiringNew().run(() -> {
                List<OutboundEvent> events = new ArrayList<>();
                for (String key : keys) {
                    TestCounter counter = em.find(TestCounter.class, key);
                    if (counter == null) {
                        counter = new TestCounter();
                        counter.id = key;
                        em.persist(counter);
                    }
                    counter.value = r;
                    events.add(new OutboundEvent(topic, "test.counted", 1, key, Map.of("seq", r, "name", "南昌·" + r)));
                }
                outbox.publishAll(events);
            });
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(topic, seen -> seen.size() >= 30, WAIT);
            assertEquals(30, records.size());
            Map<String, Integer> lastSeq = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                EventSchemas.assertValid("schemas/cloudevents-envelope.v1.json", record.value());
                EventEnvelope envelope = codec.read(record.value());
                assertEquals("1.0", envelope.specversion());
                assertEquals("/eventing-test", envelope.source());
                assertEquals("test.counted", envelope.type());
                assertEquals("1", envelope.dataversion());
                assertEquals("application/json", envelope.datacontenttype());
                assertEquals(record.key(), envelope.subject(), "record key is the aggregate id");
                assertNotNull(UUID.fromString(envelope.id()));
                assertNotNull(envelope.time());
                assertEquals("application/cloudevents+json; charset=UTF-8",
                        new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
                int seq = envelope.data().get("seq").asInt();
                assertEquals("南昌·" + seq, envelope.data().get("name").asText(), "UTF-8 round-trips");
                int previous = lastSeq.getOrDefault(record.key(), -1);
                assertEquals(previous + 1, seq, "events of " + record.key() + " in commit order");
                lastSeq.put(record.key(), seq);
            }
        }
        awaitNoPendingOutboxRows();
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String topic = "eventing.test.rollback." + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(new OutboundEvent(topic, "test.rolled-back", 1, "k", Map.of("n", 1)));
            throw new IllegalStateException("the state change failed");
        }));
        QuarkusTransaction.requiringNew().run(
                () -> outbox.publish(new OutboundEvent(topic, "test.committed", 1, "k", Map.of("n", 2))));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(topic, seen -> !seen.isEmpty(), WAIT);
            List<ConsumerRecord<String, String>> all = kafka.readAll(topic, Duration.ofSeconds(2));
            assertEquals(1, all.size(), "only the committed event: " + records);
            assertTrue(all.get(0).value().contains("test.committed"));
        }
    }

    @Test
    void outboxRequiresTheCallersTransaction() {
        assertThrows(Exception.class,
                () -> outbox.publish(new OutboundEvent("eventing.test.none", "test.x", 1, "k", Map.of())));
    }

    @Test
    void consumerAppliesEachEventOnceAndDeadLettersPoison() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String broken = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("eventing.test.in", "k1", envelope(first, "test.happened", Map.of("note", "一")));
            kafka.send("eventing.test.in", "k1", envelope(first, "test.happened", Map.of("note", "一"))); // redelivery
            kafka.send("eventing.test.in", "k1", "this is not json {");
            kafka.send("eventing.test.in", "k1", envelope(poison, "test.happened", Map.of("poison", true)));
            kafka.send("eventing.test.in", "k1", envelope(broken, "test.happened", Map.of("broken", true)));
            kafka.send("eventing.test.in", "k1", envelope(UUID.randomUUID().toString(), "other.unknown-type",
                    Map.of("x", 1)));
            kafka.send("eventing.test.in", "k1", envelope(second, "test.happened", Map.of("note", "二")));

            awaitEffects(second, 1);
            assertEquals(1, effects(first), "a redelivered event has no second effect");

            List<ConsumerRecord<String, String>> dead = kafka.readUntil("eventing.test.in.dlq",
                    seen -> seen.stream().anyMatch(r -> r.value().contains(poison))
                            && seen.stream().anyMatch(r -> r.value().contains(broken))
                            && seen.stream().anyMatch(r -> r.value().equals("this is not json {")),
                    WAIT);
            ConsumerRecord<String, String> garbage = dead.stream().filter(r -> r.value().equals("this is not json {"))
                    .findFirst().orElseThrow();
            assertTrue(header(garbage, "dlq-reason").startsWith("not a CloudEvents JSON envelope"));
            assertEquals("eventing.test.in", header(garbage, "dlq-original-topic"));
            ConsumerRecord<String, String> refused = dead.stream().filter(r -> r.value().contains(poison))
                    .findFirst().orElseThrow();
            assertTrue(header(refused, "dlq-reason").contains("refused by the test"), header(refused, "dlq-reason"));
            assertEquals(0, effects(poison));
            ConsumerRecord<String, String> refusedByKey = dead.stream().filter(r -> r.value().contains(broken))
                    .findFirst().orElseThrow();
            assertEquals("$.broken: breaks the contract", header(refusedByKey, "dlq-reason"),
                    "a record the key function refuses is dead-lettered with its reason, before the handler");
            assertEquals(0, effects(broken));

            // A redelivery long after the first one is still recognised.
            kafka.send("eventing.test.in", "k1", envelope(first, "test.happened", Map.of("note", "一")));
            String marker = UUID.randomUUID().toString();
            kafka.send("eventing.test.in", "k1", envelope(marker, "test.happened", Map.of("note", "marker")));
            awaitEffects(marker, 1);
            assertEquals(1, effects(first));
        }
    }

    @Test
    void consumerReadsWhatTheRelayPublishes() throws Exception {
        // The relay marks records application/cloudevents+json; the connector must hand them over as text.
        List<com.example.mkt.eventing.envelope.EventEnvelope> sent = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> sent.add(outbox.publish(
                new OutboundEvent("eventing.test.in", "test.happened", 1, "k2", Map.of("note", "经由中继")))));
        awaitEffects(sent.get(0).id(), 1);
    }

    private String envelope(String id, String type, Map<String, Object> data) {
        return codec.write(new EventEnvelope("1.0", id, "/test-producer", type, "1", null, OffsetDateTime.now(),
                "k1", "application/json", codec.toTree(data)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void awaitEffects(String eventId, int expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (effects(eventId) >= expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("event " + eventId + " not applied within " + WAIT);
    }

    private int effects(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM test_effect WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void awaitNoPendingOutboxRows() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT count(*) FROM eventing_outbox WHERE published_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("outbox rows left unpublished");
    }
}
