package com.example.mkt.kpi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A sale's trace goes on through kpi-service: a sale on sales.events with a sampled {@code traceparent} (as the
 * gateway's outbox sends it) makes kpi.measured events on kpi.events whose {@code traceparent} has the sale's trace id
 * and the kpi-service consumer span as parent. planning-service reads kpi.events with the same EventConsumer, so its
 * span continues the trace the same way (libs/eventing TracePropagationIT proves that hop with spans exported).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SaleTraceIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    OrgDirectory directory;

    private final String s = Fixtures.suffix();

    @Test
    void kpiMeasuredCarriesTheSalesTraceOn() throws Exception {
        String hq = "HQ-T" + s;
        String branch = "B-T" + s;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, hq, "总部", "HQ", null);
            Fixtures.unit(kafka, branch, "南昌分公司", "BRANCH", hq);
        }
        Fixtures.await("org tree", () -> directory.exists(branch));
        String traceId = hex(16);
        String saleSpanId = hex(8);
        Map<String, Object> sale = Fixtures.sale("T" + s, "SALE", OffsetDateTime.now(SHANGHAI).toString(), branch,
                "12.34");
        send(sale, "00-" + traceId + "-" + saleSpanId + "-01");

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> mine = kafka.readUntil("kpi.events",
                    seen -> seen.stream().anyMatch(r -> measuredFor(r, branch)), Duration.ofSeconds(60)).stream()
                    .filter(r -> measuredFor(r, branch)).toList();
            assertFalse(mine.isEmpty());
            for (ConsumerRecord<String, String> record : mine) {
                var header = record.headers().lastHeader("traceparent");
                assertNotNull(header, "kpi.measured without traceparent: " + record.value());
                String[] parts = new String(header.value(), StandardCharsets.US_ASCII).split("-");
                assertEquals(traceId, parts[1], "the sale's trace id goes on");
                assertNotEquals(saleSpanId, parts[2], "the parent is kpi-service's consumer span, not the sale's");
                assertEquals("01", parts[3], "still sampled");
            }
            System.out.printf("SaleTraceIT: sale %s-%s -> %d kpi.measured with %s%n", traceId, saleSpanId,
                    mine.size(), new String(mine.get(0).headers().lastHeader("traceparent").value(),
                            StandardCharsets.US_ASCII));
        }
    }

    private static boolean measuredFor(ConsumerRecord<String, String> record, String branch) {
        return record.value().contains("\"kpi.measured\"") && record.value().contains(branch);
    }

    private static void send(Map<String, Object> sale, String traceparent) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String key = "c-" + sale.get("eventId");
        ProducerRecord<String, String> record = new ProducerRecord<>("sales.events", key,
                Fixtures.envelope("/gateway", "sales.recorded", key, sale));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(record).get();
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (invalid)
        return HexFormat.of().formatHex(b);
    }
}
