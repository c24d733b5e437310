package com.example.mkt.gateway.sales;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import com.example.mkt.eventing.trace.TraceContext;
import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.KafkaPublisher;
import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.rest.problem.ApiException;
import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.api.OpenTelemetry;

/**
 * Validates, deduplicates and publishes sales events. Kafka's acknowledgement comes before the receipt
 * and before the answer: an ACCEPTED event is on the topic, and a crash in between at worst publishes an
 * event twice, which consumers drop by its eventId.
 */
@ApplicationScoped
public class SalesIngestion {

    public static final String TYPE = "sales.recorded";
    public static final int DATA_VERSION = 1;
    private static final Logger LOG = Logger.getLogger(SalesIngestion.class);

    private final KafkaPublisher kafka;
    private final EventCodec codec;
    private final SalesReceipts receipts;
    private final GatewayConfig config;
    private final OpenTelemetry telemetry;
    private final String source;
    private final SalesEventValidator validator;

    public SalesIngestion(KafkaPublisher kafka, EventCodec codec, SalesReceipts receipts, GatewayConfig config,
            EventingConfig eventing, OpenTelemetry telemetry) {
        this.kafka = kafka;
        this.codec = codec;
        this.receipts = receipts;
        this.config = config;
        this.telemetry = telemetry;
        this.source = eventing.source().orElse("/gateway");
        this.validator = new SalesEventValidator(Clock.systemUTC(), config.sales().maxFutureSkew(),
                config.sales().currency());
    }

    public List<IngestionResult> ingest(List<JsonNode> events, String client) {
        // One deadline for the whole request, however many events it holds (the README promises 503 within it).
        long deadline = System.nanoTime() + config.sales().publishTimeout().toNanos();
        IngestionResult[] results = new IngestionResult[events.size()];
        // eventId -> index of its first valid occurrence in this request
        Map<String, Integer> candidates = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String eventId = SalesEventValidator.eventId(event);
            var errors = validator.validate(event);
            if (!errors.isEmpty()) {
                results[i] = IngestionResult.rejected(eventId, errors);
            } else if (candidates.containsKey(eventId)) {
                results[i] = IngestionResult.duplicate(eventId);
            } else {
                candidates.put(eventId, i);
            }
        }
        Set<String> known = receipts.known(candidates.keySet());
        known.forEach(id -> results[candidates.remove(id)] = IngestionResult.duplicate(id));

        Map<String, String> published = publish(candidates, events, deadline);
        List<SalesReceipts.Receipt> toRecord = new ArrayList<>();
        published.forEach((id, envelopeId) -> toRecord.add(new SalesReceipts.Receipt(id, envelopeId)));
        Set<String> raced = receipts.record(client, toRecord);
        published.keySet().forEach(id -> results[candidates.get(id)] = raced.contains(id)
                ? IngestionResult.duplicate(id) : IngestionResult.accepted(id));
        if (published.size() < candidates.size()) {
            throw new ApiException(503, "publication-failed", "Sales events could not be published",
                    (candidates.size() - published.size()) + " events could not be handed to Kafka; resend the request:"
                            + " events already published will be answered DUPLICATE",
                    null, null, Map.of("Retry-After", "5"));
        }
        return List.of(results);
    }

    /** Sends every candidate, then waits for each acknowledgement; returns the acknowledged ones. */
    private Map<String, String> publish(Map<String, Integer> candidates, List<JsonNode> events, long deadline) {
        Map<String, String> trace = traceHeaders();
        Map<String, Future<RecordMetadata>> pending = new LinkedHashMap<>();
        Map<String, String> envelopeIds = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Map.Entry<String, Integer> candidate : candidates.entrySet()) {
            JsonNode data = events.get(candidate.getValue());
            String subject = SalesEventValidator.subject(data);
            EventEnvelope envelope = EventEnvelope.of(source, TYPE, DATA_VERSION, subject, now, data);
            ProducerRecord<String, String> record = new ProducerRecord<>(config.sales().topic(), subject,
                    codec.write(envelope));
            record.headers().add(new RecordHeader("content-type",
                    EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            trace.forEach((k, v) -> record.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            try {
                pending.put(candidate.getKey(), kafka.producer().send(record));
                envelopeIds.put(candidate.getKey(), envelope.id());
            } catch (RuntimeException e) {
                // A send that fails (the broker unreachable: it blocked up to max.block.ms) fails the rest too:
                // trying each would hold the request for as many times that limit as it has events.
                LOG.warnf("cannot send sales event %s, nor the %d after it: %s", candidate.getKey(),
                        candidates.size() - pending.size() - 1, e.toString());
                break;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        Map<String, String> acknowledged = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        for (Map.Entry<String, Future<RecordMetadata>> p : pending.entrySet()) {
            try {
                p.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.put(p.getKey(), envelopeIds.get(p.getKey()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(p.getKey());
            } catch (Exception e) {
                failed.add(p.getKey());
            }
        }
        if (!failed.isEmpty()) {
            LOG.warnf("Kafka did not acknowledge %d sales events, e.g. %s", failed.size(), failed.iterator().next());
        }
        return acknowledged;
    }

    private Map<String, String> traceHeaders() {
        return TraceContext.currentHeaders(telemetry);
    }
}
