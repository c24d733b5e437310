package com.example.mkt.kpi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.example.mkt.contracts.testing.SalesEdgeRecords;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sales contract as kpi-service reads it: the edge records of libs/contracts (the same file, order and expectations
 * for every consumer of sales.events) are applied, dead-lettered or ignored as the file expects, and the applied ones
 * add up to the file's total to the cent. kpi-service, customer-service and campaign-service each run this test, so
 * they agree with each other record by record.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesContractIT {

    private static final String CONSUMER = "kpi-service.sales";

    @Inject
    DataSource dataSource;

    @Test
    void theEdgeRecordsAreAppliedDeadLetteredAndIgnoredAsTheContractSays() throws Exception {
        String run = "CT-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String unit = "B-" + run;
        String code = "C-" + run; // kpi-service reads no campaign code
        SalesEdgeRecords records = SalesEdgeRecords.load(run, unit, code);
        Map<String, String> reasons;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            records.edges().forEach(e -> kafka.send("sales.events", records.key(), e.value()));
            await(records);
            List<ConsumerRecord<String, String>> dead = kafka.readUntil("sales.events.dlq",
                    seen -> deadLettered(records, seen).size() >= records.ids("DLQ").size(), Duration.ofSeconds(60));
            reasons = deadLettered(records, dead);
        }
        reasons.forEach((id, reason) -> System.out.println(CONSUMER + " dead-lettered " + id + ": " + reason));
        assertEquals(records.ids("DLQ"), reasons.keySet(), "the records every consumer dead-letters");
        Map<String, BigDecimal> rows = rows(records);
        assertEquals(records.appliedEventIds(), rows.keySet(), "the records every consumer applies, once");
        assertEquals(records.total(), rows.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2),
                "what the applied records add up to, to the cent");
    }

    private void await(SalesEdgeRecords records) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!rows(records).containsKey(records.lastEventId())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the last edge record was never applied");
            }
            Thread.sleep(200);
        }
    }

    /** This consumer's dead letters of this run, by edge id, with their reasons. */
    private static Map<String, String> deadLettered(SalesEdgeRecords records, List<ConsumerRecord<String, String>> dlq) {
        Map<String, String> out = new TreeMap<>();
        for (ConsumerRecord<String, String> r : dlq) {
            String id = records.idOf(r.value());
            if (id != null && CONSUMER.equals(header(r, "dlq-consumer"))) {
                out.put(id, header(r, "dlq-reason"));
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The SALES_AMOUNT fact of each sale and refund of the run (parked or not: the unit is not in the tree). */
    private Map<String, BigDecimal> rows(SalesEdgeRecords records) {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source_id, numerator FROM measure_fact WHERE kpi_code = 'SALES_AMOUNT' AND source_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", records.eventIds().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
