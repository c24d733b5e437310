package com.example.mkt.customer.sales;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;

import io.smallrye.common.annotation.Blocking;

/** {@code sales.recorded} from {@code sales.events}; a resent sale (same business eventId) is counted once. */
@ApplicationScoped
public class SalesConsumer {

    static final String NAME = "customer-service.sales";

    private final EventConsumer consumer;
    private final SalesApplier applier;

    public SalesConsumer(EventConsumer consumer, SalesApplier applier) {
        this.consumer = consumer;
        this.applier = applier;
    }

    @Incoming("sales")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume(NAME, records, event -> SalesRecord.TYPE.equals(event.type())
                ? event.envelope().data().path("eventId").asText()
                : event.envelope().id(), applier::apply);
    }
}
