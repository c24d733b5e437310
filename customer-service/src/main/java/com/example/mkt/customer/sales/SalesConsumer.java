package com.example.mkt.customer.sales;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.customer.config.CustomerConfig;
import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code sales.recorded} from {@code sales.events}; a resent sale (same business eventId) is counted once. A SALE or
 * REFUND is recorded by its customer_sale row (inserted ON CONFLICT DO NOTHING, and only rows really inserted count),
 * so it takes no inbox entry: that would be one more insert and index entry per sale for nothing. A CONTRACT report
 * changes a running figure and leaves no row of its own, so it, and any other event type, still goes through the
 * inbox.
 */
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
        consumer.consume(NAME, records, this::idempotencyKey, event -> !isPurchase(event), applier::apply);
    }

    /** A sale's eventId, once the record has passed the published contract (else it is dead-lettered here). */
    private String idempotencyKey(InboundEvent event) {
        if (!SalesRecord.TYPE.equals(event.type())) {
            return event.envelope().id();
        }
        SalesRecord.check(event.envelope(), currency);
        return event.envelope().data().get("eventId").textValue();
    }

    private static boolean isPurchase(InboundEvent event) {
        if (!SalesRecord.TYPE.equals(event.type())) {
            return false;
        }
        String kind = event.envelope().data().path("kind").asText();
        return "SALE".equals(kind) || "REFUND".equals(kind);
    }
}
