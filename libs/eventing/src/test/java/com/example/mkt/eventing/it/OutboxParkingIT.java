package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.eventing.outbox.OutboxBacklog;
import com.example.mkt.eventing.outbox.OutboxParking;
import com.example.mkt.eventing.outbox.OutboxRelay;
import com.example.mkt.eventing.outbox.ParkedOutbox;
import com.example.mkt.eventing.outbox.ParkedOutbox.ParkedRow;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.StatementStats;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Rows Kafka refuses for good (a record over the producer's 1 MB limit, an invalid topic name) are tried
 * {@code eventing.outbox.max-attempts} times (5) and parked with their reason; the service's other events flow meanwhile,
 * a later row of a parked row's key is held behind it (never published ahead of it), and a release once the cause is
 * fixed publishes both in their order.
 */
@QuarkusTest
@TestProfile(RelayResumptionIT.NoRelay.class)
class OutboxParkingIT {

    private static final int MAX_ATTEMPTS = 5;

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    ParkedOutbox parked;
    @Inject
    OutboxBacklog backlog;
    @Inject
    MeterRegistry registry;
    @Inject
    EventCodec codec;
    @Inject
    DataSource dataSource;

    private final String topic = "eventing.test.park." + UUID.randomUUID();
    private final String invalidTopic = "eventing test park " + UUID.randomUUID();

    @AfterEach
    void dropTheInvalidTopicsRows() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM eventing_outbox WHERE topic = ?")) {
            ps.setString(1, invalidTopic);
            ps.executeUpdate();
        }
    }

    @Test
    void refusedRowsAreParkedTheRestFlowsAndAReleasePublishesThemInKeyOrder() throws Exception {
        drain();
        List<EventEnvelope> sent = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of(
                new OutboundEvent(topic, "test.parked", 1, "k", Map.of("seq", 1, "pad", "x".repeat(1_100_000))),
                new OutboundEvent(topic, "test.parked", 1, "k", Map.of("seq", 2)),
                new OutboundEvent(topic, "test.parked", 1, "other", Map.of("seq", 3)),
                new OutboundEvent(invalidTopic, "test.parked", 1, "a", Map.of("seq", 4)),
                new OutboundEvent(invalidTopic, "test.parked", 1, "b", Map.of("seq", 5)))));
        for (int round = 1; round <= MAX_ATTEMPTS; round++) {
            relay.relayBatch();
            assertEquals(round < MAX_ATTEMPTS ? 0 : 3, ours(sent).size(), "parked after round " + round);
        }
        relay.relayBatch(); // the key's later row is held behind the parked one
        List<ParkedRow> rows = ours(sent);
        assertEquals(4, rows.size(), rows.toString());
        ParkedRow tooLarge = rows.get(0);
        assertEquals(sent.get(0).id(), tooLarge.eventId());
        assertTrue(tooLarge.reason().startsWith("RecordTooLargeException"), tooLarge.reason());
        assertEquals(MAX_ATTEMPTS, tooLarge.attempts());
        assertEquals(OutboxParking.HELD, rows.get(1).reason(), "seq 2 waits behind seq 1");
        assertEquals(0, rows.get(1).attempts(), "never sent");
        assertTrue(rows.get(2).reason().startsWith("InvalidTopicException"), rows.get(2).reason());
        assertEquals(MAX_ATTEMPTS, rows.get(3).attempts());

        backlog.refresh();
        assertTrue(registry.get("eventing.outbox.parked").gauge().value() >= 4);
        assertTrue(registry.get("eventing.outbox.parked.events").counter().count() >= 4);
        assertEquals(0.0, registry.get("eventing.outbox.pending").gauge().value());

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            assertEquals(List.of(3), seqs(kafka.readAll(topic, Duration.ofSeconds(2))), "the other key flowed");

            // ops fix the cause (here: the event is made small) and release the parked row: its held row goes with it
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE eventing_outbox SET payload = replace(payload, repeat('x', 1100000), 'fixed') WHERE id = ?")) {
                ps.setLong(1, tooLarge.id());
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(2, parked.release(tooLarge.id()));
            assertEquals(0, parked.release(tooLarge.id()), "nothing parked under that id any more");
            drain();
            List<ConsumerRecord<String, String>> all = kafka.readUntil(topic, seen -> seen.size() >= 3,
                    Duration.ofSeconds(30));
            assertEquals(3, all.size());
            assertEquals(List.of(1, 2), seqs(all.stream().filter(r -> r.key().equals("k")).toList()),
                    "the key's rows in their order, after the release");
        }
        assertEquals(2, ours(sent).size(), "the invalid topic's rows stay parked");
    }

    @Test
    void theNormalPathCostsNoMoreStatementsThanBefore() throws Exception {
        drain();
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(List.of(
                new OutboundEvent(topic, "test.parked", 1, "k", Map.of("seq", 1)),
                new OutboundEvent(topic, "test.parked", 1, "k", Map.of("seq", 2)))));
        var stats = StatementStats.ofQuarkusDatasource();
        var before = stats.snapshot();
        assertEquals(2, relay.relayBatch());
        // the backlog gauges' own query (every 15 s) may fall into the window: it is not the relay's
        var cost = stats.snapshot().minus(before).matching(q -> (q.contains("eventing_outbox") || q.contains("advisory"))
                && !q.startsWith("SELECT (SELECT count(*) FROM eventing_outbox"));
        // the advisory lock, the select and the mark: parking adds nothing while nothing fails
        assertEquals(3, cost.calls(), cost.top(10));
    }

    private void drain() {
        while (relay.relayBatch() > 0) {
            // rows other tests left behind
        }
    }

    private List<ParkedRow> ours(List<EventEnvelope> sent) throws Exception {
        List<String> ids = sent.stream().map(EventEnvelope::id).toList();
        return parked.list(0, 1_000).stream().filter(r -> ids.contains(r.eventId())).toList();
    }

    private List<Integer> seqs(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            try {
                return codec.read(r.value()).data().get("seq").asInt();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
