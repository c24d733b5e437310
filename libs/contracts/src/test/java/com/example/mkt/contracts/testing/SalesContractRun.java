package com.example.mkt.contracts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.example.mkt.testinfra.KafkaTestClient;

/**
 * One consumer's run of the sales contract: the edge records go to {@code sales.events} in the file's order, the run
 * waits until the last one is applied, then checks that the consumer dead-lettered exactly the records the file
 * expects and that its own rows of the applied ones add up to the file's total to the cent. Every consumer of
 * {@code sales.events} runs it with the query of its own rows, so they agree with each other record by record.
 */
public final class SalesContractRun {

    private SalesContractRun() {
    }

    /**
     * @param consumer the consumer's name, as its dead letters carry it in {@code dlq-consumer}
     * @param rows     what the consumer stored per eventId of the run, refunds negative
     */
    public static void check(SalesEdgeRecords records, String consumer, Supplier<Map<String, BigDecimal>> rows)
            throws InterruptedException {
        Map<String, String> reasons;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            records.edges().forEach(e -> kafka.send("sales.events", records.key(), e.value()));
            await(records, rows);
            List<ConsumerRecord<String, String>> dead = kafka.readUntil("sales.events.dlq",
                    seen -> deadLettered(records, consumer, seen).size() >= records.ids("DLQ").size(),
                    Duration.ofSeconds(60));
            reasons = deadLettered(records, consumer, dead);
        }
        reasons.forEach((id, reason) -> System.out.println(consumer + " dead-lettered " + id + ": " + reason));
        assertEquals(records.ids("DLQ"), reasons.keySet(), "the records every consumer dead-letters");
        Map<String, BigDecimal> applied = rows.get();
        assertEquals(records.appliedEventIds(), applied.keySet(), "the records every consumer applies, once");
        assertEquals(records.total(), applied.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2),
                "what the applied records add up to, to the cent");
    }

    private static void await(SalesEdgeRecords records, Supplier<Map<String, BigDecimal>> rows)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!rows.get().containsKey(records.lastEventId())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the last edge record was never applied");
            }
            Thread.sleep(200);
        }
    }

    /** This consumer's dead letters of this run, by edge id, with their reasons. */
    private static Map<String, String> deadLettered(SalesEdgeRecords records, String consumer,
            List<ConsumerRecord<String, String>> dlq) {
        Map<String, String> out = new TreeMap<>();
        for (ConsumerRecord<String, String> r : dlq) {
            String id = records.idOf(r.value());
            if (id != null && consumer.equals(header(r, "dlq-consumer"))) {
                out.put(id, header(r, "dlq-reason"));
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
