package com.example.mkt.eventing.consumer;

import org.apache.kafka.common.header.Headers;

import com.example.mkt.eventing.envelope.EventEnvelope;

/**
 * A parsed record: its envelope, where it came from and its headers (the {@code traceparent} among them: see
 * ConsumerTracing#recordContext for a handler that publishes per record).
 */
public record InboundEvent(EventEnvelope envelope, String topic, int partition, long offset, String key,
        Headers headers) {

    public InboundEvent(EventEnvelope envelope, String topic, int partition, long offset, String key) {
        this(envelope, topic, partition, offset, key, null);
    }

    public String type() {
        return envelope.type();
    }
}
