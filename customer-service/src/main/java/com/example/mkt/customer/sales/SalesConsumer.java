package com.example.mkt.customer.sales;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.customer.config.CustomerConfig;
import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;

import io.smallrye.common.annotation.Blocking;

/** {@code sales.recorded} from {@code sales.events}; a resent sale (same business eventId) is counted once. */
@ApplicationScoped
public class SalesConsumer {

    static final String NAME = "customer-service.sales";

    private final EventConsumer consumer;
    private final SalesApplier applier;
    private final String currency;

    public SalesConsumer(EventConsumer consumer, SalesApplier applier, CustomerConfig config) {
        this.consumer = consumer;
        this.applier = applier;
        this.currency = config.currency();
    }

    @Incoming("sales")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume(NAME, records, this::idempotencyKey, applier::apply);
    }

    /** A sale's eventId, once the record has passed the published contract (else it is dead-lettered here). */
    private String idempotencyKey(InboundEvent event) {
        if (!SalesRecord.TYPE.equals(event.type())) {
            return event.envelope().id();
        }
        SalesRecord.check(event.envelope(), currency);
        return event.envelope().data().get("eventId").textValue();
    }
}
