package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.eventing.trace.ConsumerTracing;
import com.example.mkt.testinfra.KafkaTestClient;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One event followed across a Kafka hop with real Kafka and PostgreSQL: the producer's span context goes into the
 * outbox row and the record header, the consumer's process span continues that trace, the event the handler publishes
 * carries the consumer span's context into its outbox row and on to the next record's header.
 */
@QuarkusTest
class TracePropagationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String IN = "eventing.test.trace.in";

    @Inject
    Outbox outbox;
    @Inject
    OpenTelemetry telemetry;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneTraceFromTheProducerThroughTheConsumerToTheEventItPublishes() {
        String key = "trace-" + UUID.randomUUID();
        // A request that arrived sampled (traceparent ...-01), as the gateway's HTTP span would be.
        SpanContext caller = SpanContext.createFromRemoteParent(IdGenerator.random().generateTraceId(),
                IdGenerator.random().generateSpanId(), TraceFlags.getSampled(), TraceState.getDefault());
        Span request = telemetry.getTracer("test").spanBuilder("POST /sales").setSpanKind(SpanKind.SERVER)
                .setParent(Context.root().with(Span.wrap(caller))).startSpan();
        try (Scope scope = request.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(
                    new OutboundEvent(IN, "test.traced", 1, key, Map.of("note", "一"))));
        } finally {
            request.end();
        }
        String traceId = caller.getTraceId();

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> first = only(kafka.readUntil(IN, seen -> has(seen, key), WAIT), key);
            assertEquals("00-" + traceId + "-" + request.getSpanContext().getSpanId() + "-01", traceparent(first),
                    "the relayed record carries the producer's span context");

            ConsumerRecord<String, String> forwarded = only(
                    kafka.readUntil(ForwardingConsumer.OUT, seen -> has(seen, key), WAIT), key);
            SpanData process = awaitProcessSpan(traceId);
            assertEquals(SpanKind.CONSUMER, process.getKind());
            assertEquals("process " + IN, process.getName());
            assertEquals(request.getSpanContext().getSpanId(), process.getParentSpanId(),
                    "the consumer span is the producer span's child");
            assertEquals("kafka", process.getAttributes().get(AttributeKey.stringKey("messaging.system")));
            assertEquals("trace-forwarder",
                    process.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
            assertEquals("00-" + traceId + "-" + process.getSpanId() + "-01", traceparent(forwarded),
                    "the event the handler published continues the trace from the consumer span");
            System.out.printf("trace %s: %s -> %s -> %s -> %s%n", traceId, request.getSpanContext().getSpanId(),
                    traceparent(first), process.getSpanId(), traceparent(forwarded));
            assertEquals(List.of(process.getSpanId()), spans.getFinishedSpanItems().stream()
                    .filter(d -> d.getTraceId().equals(traceId) && d.getKind() == SpanKind.CONSUMER)
                    .map(SpanData::getSpanId).toList(),
                    "one consumer span, the batch's: the connector's span per record is off (microprofile-config)");
            spans.getFinishedSpanItems().stream().filter(d -> d.getTraceId().equals(traceId))
                    .forEach(d -> System.out.printf("  span %s %s (%s) parent %s, scope %s, %d links%n", d.getSpanId(),
                            d.getName(), d.getKind(), d.getParentSpanId(), d.getInstrumentationScopeInfo().getName(),
                            d.getLinks().size()));
        }
    }

    private SpanData awaitProcessSpan(String traceId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        SpanData span;
        while ((span = processSpan(traceId)) == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertNotNull(span, "a process span in trace " + traceId);
        return span;
    }

    private SpanData processSpan(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId))
                .filter(s -> s.getInstrumentationScopeInfo().getName().equals(ConsumerTracing.INSTRUMENTATION))
                .findFirst().orElse(null);
    }

    private static boolean has(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().anyMatch(r -> key.equals(r.key()));
    }

    private static ConsumerRecord<String, String> only(List<ConsumerRecord<String, String>> records, String key) {
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(1, mine.size(), "one record for " + key);
        return mine.get(0);
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(ConsumerTracing.TRACEPARENT);
        assertNotNull(header, "a traceparent header on " + record.topic());
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
