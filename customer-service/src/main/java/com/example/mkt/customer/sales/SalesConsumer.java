package com.example.mkt.customer.sales;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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

    public SalesConsumer(EventConsumer consumer, SalesApplier applier) {
        this.consumer = consumer;
        this.applier = applier;
    }

    @Incoming("sales")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume(NAME, records, event -> SalesRecord.TYPE.equals(event.type())
                ? event.envelope().data().path("eventId").asText()
                : event.envelope().id(), event -> !isPurchase(event), applier::apply);
    }

    private static boolean isPurchase(InboundEvent event) {
        if (!SalesRecord.TYPE.equals(event.type())) {
            return false;
        }
        String kind = event.envelope().data().path("kind").asText();
        return "SALE".equals(kind) || "REFUND".equals(kind);
    }
}
