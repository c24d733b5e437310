package com.example.mkt.eventing.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

class ConsumerTracingTest {

    private static final String TOPIC = "sales.events";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    /** As the services run: parent-based, roots sampled at {@code ratio}. */
    private ConsumerTracing tracing(double ratio) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(ratio)))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        return new ConsumerTracing(OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build());
    }

    @Test
    void readsTheSampledFlagFromTheHeaderBytes() {
        assertTrue(ConsumerTracing.sampled(bytes(traceparent(true))));
        assertFalse(ConsumerTracing.sampled(bytes(traceparent(false))));
        assertTrue(ConsumerTracing.sampled(bytes(traceparent(false).replaceAll("00$", "03"))));
        assertFalse(ConsumerTracing.sampled(bytes("00-short")));
        assertFalse(ConsumerTracing.sampled(null));
    }

    @Test
    void aBatchSpanContinuesTheFirstSampledRecordsTraceAndLinksEveryOtherContext() {
        String unsampled = traceparent(false);
        String sampled = traceparent(true);
        String other = traceparent(true);
        List<ConsumerRecord<String, String>> records = List.of(record(unsampled), record(null), record(sampled),
                record(other), record(other));

        Span span = tracing(0).startBatch("kpi-service.sales", records.size(), records::get);
        span.end();

        SpanData data = exporter.getFinishedSpanItems().get(0);
        assertEquals("process " + TOPIC, data.getName());
        assertEquals(SpanKind.CONSUMER, data.getKind());
        assertEquals(sampled.substring(3, 35), data.getTraceId(), "the sampled record's trace goes on");
        assertEquals(sampled.substring(36, 52), data.getParentSpanId());
        assertEquals(5L, data.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
        assertEquals("kpi-service.sales",
                data.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
        assertEquals(Set.of(unsampled.substring(36, 52), sampled.substring(36, 52), other.substring(36, 52)),
                data.getLinks().stream().map(LinkData::getSpanContext).map(c -> c.getSpanId())
                        .collect(Collectors.toSet()),
                "one link per distinct creation context");
    }

    @Test
    void unsampledRecordsGiveANonRecordingSpanThatStillCarriesTheirTrace() {
        String unsampled = traceparent(false);
        List<ConsumerRecord<String, String>> records = List.of(record(null), record(unsampled));
        Span span = tracing(0).startBatch("c", records.size(), records::get);
        span.end();
        assertFalse(span.isRecording());
        assertEquals(unsampled.substring(3, 35), span.getSpanContext().getTraceId(),
                "the outbox rows written under it carry the record's trace id on");
        assertTrue(exporter.getFinishedSpanItems().isEmpty());
    }

    /** Printed, never asserted: the cost per record of a batch of 2,000 when nothing is sampled. */
    @Test
    void printsTheCostPerRecordOfAnUnsampledBatch() {
        ConsumerTracing tracing = tracing(0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(record(traceparent(false)));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long firstBytes = threads.getCurrentThreadAllocatedBytes();
        tracing.startBatch("c", records.size(), records::get).end();
        long firstPass = threads.getCurrentThreadAllocatedBytes() - firstBytes;
        for (int i = 0; i < 2_000; i++) {
            tracing.startBatch("c", records.size(), records::get).end();
        }
        int rounds = 2_000;
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            tracing.startBatch("c", records.size(), records::get).end();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
        long perRecord = rounds * (long) records.size();
        System.out.printf("ConsumerTracing, unsampled batch of 2,000: %.1f ns CPU and %.2f bytes allocated per record"
                + " (%.0f bytes per batch); first pass over fresh records %.1f bytes per record (Kafka's lazy copy of"
                + " each header value)%n", (double) cpu / perRecord, (double) bytes / perRecord,
                (double) bytes / rounds, (double) firstPass / records.size());
    }

    /**
     * Printed beside the figure above: what a span per record costs when nothing is sampled (extract the record's
     * context, start and end a span), as the Kafka connector's own tracing does for every record it hands over.
     */
    @Test
    void printsTheCostPerRecordOfASpanPerRecord() {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(0))).build();
        var tracer = provider.get("per-record");
        var propagator = W3CTraceContextPropagator.getInstance();
        io.opentelemetry.context.propagation.TextMapGetter<ConsumerRecord<String, String>> getter = new io.opentelemetry
                .context.propagation.TextMapGetter<>() {
            @Override
            public Iterable<String> keys(ConsumerRecord<String, String> carrier) {
                return List.of(ConsumerTracing.TRACEPARENT);
            }

            @Override
            public String get(ConsumerRecord<String, String> carrier, String key) {
                var h = carrier.headers().lastHeader(key);
                return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
            }
        };
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(record(traceparent(false)));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Runnable batch = () -> records.forEach(r -> tracer.spanBuilder("receive").setSpanKind(SpanKind.CONSUMER)
                .setParent(propagator.extract(io.opentelemetry.context.Context.root(), r, getter)).startSpan().end());
        for (int i = 0; i < 500; i++) {
            batch.run();
        }
        int rounds = 500;
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            batch.run();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
        long perRecord = rounds * (long) records.size();
        System.out.printf("A span per record, unsampled (what the connector's tracing does): %.1f ns CPU and %.0f bytes"
                + " allocated per record%n", (double) cpu / perRecord, (double) bytes / perRecord);
    }

    private static ConsumerRecord<String, String> record(String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, 0L, "k", "{}");
        if (traceparent != null) {
            record.headers().add(ConsumerTracing.TRACEPARENT, bytes(traceparent));
        }
        return record;
    }

    private static String traceparent(boolean sampled) {
        return "00-" + IdGenerator.random().generateTraceId() + "-" + IdGenerator.random().generateSpanId()
                + (sampled ? "-01" : "-00");
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.US_ASCII);
    }
}
