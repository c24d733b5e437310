package com.example.mkt.gateway.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.KafkaPublisher;
import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.rest.problem.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.OpenTelemetry;

/** Only what Kafka acknowledged is recorded and answered ACCEPTED; a broker failure is a 503 to retry. */
class SalesIngestionTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Fails the sends of records keyed "down". */
    private final MockProducer<String, String> kafka = new MockProducer<>(true, null, new StringSerializer(),
            new StringSerializer()) {
        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            sendCalls++;
            if ("down".equals(record.key())) {
                return CompletableFuture.failedFuture(new TimeoutException("broker down"));
            }
            if ("unreachable".equals(record.key())) {
                // what KafkaProducer.send does when it waited max.block.ms for the broker's metadata
                throw new TimeoutException("Topic sales.events not present in metadata after 10000 ms.");
            }
            return super.send(record);
        }
    };
    private int sendCalls;
    private final Set<String> recorded = new HashSet<>();
    private final SalesIngestion ingestion = new SalesIngestion(new KafkaPublisher(Map.of()) {
        @Override
        public Producer<String, String> producer() {
            return kafka;
        }
    }, new EventCodec(JSON), new SalesReceipts(null) {
        @Override
        public Set<String> known(Collection<String> eventIds) {
            return Set.copyOf(eventIds.stream().filter(recorded::contains).toList());
        }

        @Override
        public Set<String> record(String client, List<Receipt> receipts) {
            receipts.forEach(r -> recorded.add(r.eventId()));
            return Set.of();
        }
    }, config(), eventing(), OpenTelemetry.noop());

    private static JsonNode sale(String eventId, String customer) throws Exception {
        return JSON.readTree(SalesRecordedSchemaTest.SALE.replace("POS-2026-000123", eventId).replace("c-123", customer));
    }

    @Test
    void acceptedMeansPublishedThenRecorded() throws Exception {
        List<IngestionResult> results = ingestion.ingest(List.of(sale("A", "c-1"), sale("B", "c-2"), sale("A", "c-1")),
                "pos");
        assertEquals(List.of(IngestionResult.Status.ACCEPTED, IngestionResult.Status.ACCEPTED,
                IngestionResult.Status.DUPLICATE), results.stream().map(IngestionResult::status).toList());
        assertEquals(List.of("c-1", "c-2"), kafka.history().stream().map(ProducerRecord::key).toList());
        assertEquals(Set.of("A", "B"), recorded);
        assertEquals(IngestionResult.Status.DUPLICATE, ingestion.ingest(List.of(sale("B", "c-2")), "pos").get(0).status());
        assertEquals(2, kafka.history().size(), "a known duplicate is not published again");
    }

    @Test
    void whatKafkaDidNotAcknowledgeIsNeitherRecordedNorAccepted() throws Exception {
        ApiException failure = assertThrows(ApiException.class,
                () -> ingestion.ingest(List.of(sale("C", "c-3"), sale("D", "down")), "pos"));
        assertEquals(503, failure.status());
        assertTrue(failure.headers().containsKey("Retry-After"));
        assertEquals(Set.of("C"), recorded, "the acknowledged one is recorded, so a resend answers it DUPLICATE");
        List<IngestionResult> resent = new ArrayList<>(ingestion.ingest(List.of(sale("C", "c-3")), "pos"));
        assertEquals(IngestionResult.Status.DUPLICATE, resent.get(0).status());
    }

    @Test
    void anUnreachableBrokerFailsTheRequestAtTheFirstSendNotAtEveryOne() throws Exception {
        List<JsonNode> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(sale("U" + i, "unreachable"));
        }
        ApiException failure = assertThrows(ApiException.class, () -> ingestion.ingest(batch, "pos"));
        assertEquals(503, failure.status());
        assertEquals(1, sendCalls, "each send would block for max.block.ms: 200 of them held the request 150 s");
        assertEquals(Set.of(), recorded);
    }

    private static GatewayConfig config() {
        GatewayConfig.Sales sales = proxy(GatewayConfig.Sales.class, Map.of("topic", "sales.events",
                "maxFutureSkew", Duration.ofMinutes(5), "publishTimeout", Duration.ofSeconds(5), "currency", "CNY"));
        return proxy(GatewayConfig.class, Map.of("sales", sales));
    }

    private static EventingConfig eventing() {
        return proxy(EventingConfig.class, Map.of("source", Optional.of("/gateway")));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }
}
