package com.example.mkt.eventing.consumer;

import com.example.mkt.eventing.envelope.EventEnvelope;

/** A parsed record: its envelope and where it came from. */
public record InboundEvent(EventEnvelope envelope, String topic, int partition, long offset, String key) {

    public String type() {
        return envelope.type();
    }
}
