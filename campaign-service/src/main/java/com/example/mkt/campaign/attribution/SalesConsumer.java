package com.example.mkt.campaign.attribution;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads sales.events in batches. The inbox is keyed on the sale's own eventId (docs/domain.md#sales-events: a resent
 * sale is counted once, even under a new envelope id); other event types are keyed on their envelope id and ignored.
 */
@ApplicationScoped
public class SalesConsumer {

    static final String CONSUMER = "campaign-sales";

    private final EventConsumer consumer;
    private final SalesAttribution attribution;

    public SalesConsumer(EventConsumer consumer, SalesAttribution attribution) {
        this.consumer = consumer;
        this.attribution = attribution;
    }

    @Incoming("sales")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consumeWithoutInbox(CONSUMER, records, SalesConsumer::idempotencyKey, attribution::apply);
    }

    static String idempotencyKey(InboundEvent event) {
        if (SalesAttribution.SALES_RECORDED.equals(event.type())) {
            return event.envelope().data().path("eventId").asText();
        }
        return event.envelope().id();
    }
}
