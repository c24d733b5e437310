package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.testinfra.StatementStats;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the backbone costs the database per batch, counted in pg_stat_statements: one outbox INSERT per transaction
 * whatever it publishes, one UPDATE per relayed batch, one inbox claim per consumed batch; never one per event.
 */
@QuarkusTest
class StatementCostIT {

    private static final int EVENTS = 500;

    @Inject
    Outbox outbox;
    @Inject
    EventConsumer consumer;
    @Inject
    EventCodec codec;
    @Inject
    DataSource dataSource;

    @Test
    void aTransactionsEventsAreOneInsertAndTheRelayMarksABatchInOneUpdate() throws Exception {
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        awaitNoPendingOutboxRows();
        String topic = "eventing.test.cost." + UUID.randomUUID();
        List<OutboundEvent> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(new OutboundEvent(topic, "test.counted", 1, "agg-" + (i % 7), Map.of("n", i)));
        }
        var before = stats.snapshot();
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(events));
        awaitNoPendingOutboxRows();
        var cost = stats.snapshot().minus(before);
        var inserts = cost.matching(q -> q.startsWith("INSERT INTO eventing_outbox"));
        assertEquals(1, inserts.calls(), cost.top(10));
        assertEquals(EVENTS, inserts.rows());
        var marks = cost.matching(q -> q.startsWith("UPDATE eventing_outbox SET published_at"));
        assertEquals(EVENTS, marks.rows(), cost.top(10));
        // the relay may have woken before the commit and marked nothing, or split what it found across two rounds
        assertTrue(marks.calls() <= 2, "marks: " + marks.calls() + "\n" + cost.top(10));
    }

    @Test
    void aConsumedBatchIsClaimedInTheInboxWithOneStatement() {
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            EventEnvelope envelope = EventEnvelope.of("/test", "test.counted", 1, "k" + i, OffsetDateTime.now(),
                    codec.toTree(Map.of("n", i)));
            values.put("k" + i, codec.write(envelope));
        }
        var batch = StatementStats.batch("eventing.test.cost.in", values);
        List<Integer> applied = new ArrayList<>();
        var cost = stats.measure(() -> consumer.consume("cost-test", batch, e -> applied.add(e.size())),
                q -> q.startsWith("INSERT INTO eventing_inbox"));
        assertEquals(List.of(EVENTS), applied);
        assertEquals(1, cost.statements(), cost.top());
        assertEquals(EVENTS, cost.rows());
    }

    private void awaitNoPendingOutboxRows() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
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
