package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.eventing.outbox.HaltingRelay;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.eventing.outbox.OutboxFaults;
import com.example.mkt.eventing.outbox.OutboxRelay;
import com.example.mkt.testinfra.KafkaTestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The crash the relay's at-least-once delivery exists for: its JVM dies (Runtime.halt, like kill -9) after Kafka
 * acknowledged a batch and before the "published" mark committed. The relay runs in a JVM of its own against the
 * build's real PostgreSQL and Kafka; after the halt the rows are still unpublished, a relay that starts again sends
 * the batch a second time, and the consumer (EventConsumer with its inbox) applies each event exactly once.
 */
@QuarkusTest
@TestProfile(RelayResumptionIT.NoRelay.class)
class HaltAfterSendIT {

    private static final String TOPIC = "eventing.test.in";
    private static final int EVENTS = 12;

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    DataSource dataSource;

    @Test
    void aBatchAcknowledgedButNotMarkedIsSentAgainAndAppliedOnce() throws Exception {
        while (relay.relayBatch() > 0) {
            // rows other tests left: not this test's batch
        }
        String key = "halt-" + UUID.randomUUID();
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<OutboundEvent> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                events.add(new OutboundEvent(TOPIC, "test.halted", 1, key, Map.of("note", "halt " + i)));
            }
            return outbox.publishAll(events).stream().map(EventEnvelope::id).toList();
        });

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Process process = startHaltingRelay();
            assertEquals(true, process.waitFor(120, TimeUnit.SECONDS), "the relay JVM ends");
            assertEquals(OutboxFaults.HALT_STATUS, process.exitValue(), "halted at the fault point, not otherwise");
            assertEquals(EVENTS, unpublished(ids), "the mark never committed");
            assertEquals(EVENTS, count(kafka, ids, EVENTS), "Kafka acknowledged the batch before the halt");

            int resent = 0;
            for (int round; (round = relay.relayBatch()) > 0; ) {
                resent += round; // in batches of 7 (the profile's)
            }
            assertEquals(EVENTS, resent, "a relay that starts again sends the batch again");
            assertEquals(0, unpublished(ids));
            assertEquals(2 * EVENTS, count(kafka, ids, 2 * EVENTS), "each event is on the topic twice");
        }

        // One key, one partition: once the sentinel (published after the batch was re-sent) is applied, the consumer
        // has seen both copies of every event.
        String sentinel = QuarkusTransaction.requiringNew().call(() -> outbox.publish(
                new OutboundEvent(TOPIC, "test.halted", 1, key, Map.of("note", "sentinel"))).id());
        relay.relayBatch();
        waitUntilApplied(sentinel);
        Map<String, Integer> applied = applied(ids);
        assertEquals(EVENTS, applied.size(), "every event applied: " + applied);
        applied.forEach((id, times) -> assertEquals(1, times, "event " + id + " applied once"));
    }

    private Process startHaltingRelay() throws Exception {
        Config config = ConfigProvider.getConfig();
        Path log = Files.createTempFile("halting-relay", ".log");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                HaltingRelay.class.getName(),
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class),
                config.getValue("kafka.bootstrap.servers", String.class))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private int unpublished(List<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM eventing_outbox WHERE event_id::text = ANY (?) AND published_at IS NULL")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int count(KafkaTestClient kafka, List<String> ids, int expected) {
        return (int) kafka.readUntil(TOPIC, seen -> matching(seen, ids) >= expected, Duration.ofSeconds(60)).stream()
                .filter(r -> ids.stream().anyMatch(id -> r.value().contains(id))).count();
    }

    private static long matching(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> seen,
            List<String> ids) {
        return seen.stream().filter(r -> ids.stream().anyMatch(id -> r.value().contains(id))).count();
    }

    private void waitUntilApplied(String eventId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (applied(List.of(eventId)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the consumer never applied the sentinel " + eventId);
            }
            Thread.sleep(100);
        }
    }

    private Map<String, Integer> applied(List<String> ids) throws Exception {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id, count(*) FROM test_effect WHERE event_id = ANY (?) GROUP BY event_id")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return applied;
    }
}
