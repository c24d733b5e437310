package com.example.mkt.eventing.it;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;

import io.smallrye.common.annotation.Blocking;

/** A consumer whose effect is an event of its own, as kpi-service's rollups publish kpi.measured from sales. */
@ApplicationScoped
public class ForwardingConsumer {

    static final String OUT = "eventing.test.trace.out";

    private final EventConsumer consumer;
    private final Outbox outbox;

    public ForwardingConsumer(EventConsumer consumer, Outbox outbox) {
        this.consumer = consumer;
        this.outbox = outbox;
    }

    @Incoming("trace-in")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume("trace-forwarder", records, this::apply);
    }

    private void apply(List<InboundEvent> events) {
        outbox.publishAll(events.stream()
                .map(e -> new OutboundEvent(OUT, "test.forwarded", 1, e.key(), e.envelope().data()))
                .toList());
    }
}
