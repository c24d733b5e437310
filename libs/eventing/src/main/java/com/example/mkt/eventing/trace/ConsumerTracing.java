package com.example.mkt.eventing.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Consumer spans for batches of Kafka records, following the OpenTelemetry messaging conventions for batch
 * processing: one {@code process <topic>} span (kind CONSUMER) per batch the handler applies, with a link to each
 * distinct creation context (the records' {@code traceparent}). Its parent is one record's creation context: the
 * first record whose context is sampled, else the first record that has one. For a batch of one (and for the
 * records of one producer transaction, which share a context) that is the conventions' single-message rule, and it
 * keeps a sampled request's trace whole across the hop: the handler runs with this span current, so the outbox rows
 * it writes carry its context on to the next topic. An event aggregated from many records (a rollup of many sales)
 * belongs to the batch's trace and reaches the others through the links.
 *
 * <p>Cost when nothing is sampled: a scan of the records' headers for the sampled flag (no parsing, no allocation but
 * Kafka's own lazy copy of a header value), one context extraction and one non-recording span per batch. Links and
 * attributes are only built for a recording span.
 */
@ApplicationScoped
public class ConsumerTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String INSTRUMENTATION = "com.example.mkt.eventing";
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    /** Position of the trace-flags in a version-00 {@code traceparent}: 00-<32 hex>-<16 hex>-<2 hex>. */
    private static final int FLAGS_LOW_DIGIT = 54;
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return Arrays.stream(carrier.toArray()).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.ISO_8859_1);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public ConsumerTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer(INSTRUMENTATION);
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts the process span of a batch of {@code size} records ({@code record.apply(i)}), not yet current: the caller
     * makes it current around the handler and ends it.
     */
    public Span startBatch(String consumer, int size, IntFunction<ConsumerRecord<String, String>> record) {
        int parent = parentIndex(size, record);
        Context parentContext = parent < 0 ? Context.root() : extract(record.apply(parent).headers());
        String topic = size == 0 ? "" : record.apply(0).topic();
        Span span = tracer.spanBuilder("process " + topic).setSpanKind(SpanKind.CONSUMER).setParent(parentContext)
                .startSpan();
        if (span.isRecording()) {
            span.setAttribute(SYSTEM, "kafka");
            span.setAttribute(OPERATION_TYPE, "process");
            span.setAttribute(OPERATION_NAME, "process");
            span.setAttribute(DESTINATION, topic);
            span.setAttribute(GROUP, consumer);
            span.setAttribute(BATCH_COUNT, (long) size);
            link(span, size, record);
        }
        return span;
    }

    /**
     * The creation context of one record (the producer's span, remote), for a handler that publishes per record and
     * wants each event to continue its own record's trace: {@code try (Scope s = tracing.recordContext(r)
     * .makeCurrent()) { outbox.publish(...); }}. The current context when the record has none.
     */
    public Context recordContext(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(TRACEPARENT);
        return header == null ? Context.current() : extract(headers);
    }

    private Context extract(Headers headers) {
        return propagator.extract(Context.root(), headers, HEADERS);
    }

    /** The record whose context becomes the parent: the first sampled one, else the first with a context; or -1. */
    private static int parentIndex(int size, IntFunction<ConsumerRecord<String, String>> record) {
        int first = -1;
        for (int i = 0; i < size; i++) {
            Header header = record.apply(i).headers().lastHeader(TRACEPARENT);
            if (header == null) {
                continue;
            }
            if (sampled(header.value())) {
                return i;
            }
            if (first < 0) {
                first = i;
            }
        }
        return first;
    }

    /** The sampled bit of a version-00 traceparent, read from the bytes without parsing them. */
    static boolean sampled(byte[] traceparent) {
        if (traceparent == null || traceparent.length <= FLAGS_LOW_DIGIT) {
            return false;
        }
        return (Character.digit(traceparent[FLAGS_LOW_DIGIT], 16) & 1) == 1;
    }

    /**
     * Links to every distinct creation context of the batch, the parent's included (as the conventions link every
     * message); records of one producer transaction share one.
     */
    private void link(Span span, int size, IntFunction<ConsumerRecord<String, String>> record) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < size; i++) {
            Headers headers = record.apply(i).headers();
            Header header = headers.lastHeader(TRACEPARENT);
            if (header == null || !seen.add(new String(header.value(), StandardCharsets.ISO_8859_1))) {
                continue;
            }
            SpanContext context = Span.fromContext(extract(headers)).getSpanContext();
            if (context.isValid()) {
                span.addLink(context);
            }
        }
    }
}
