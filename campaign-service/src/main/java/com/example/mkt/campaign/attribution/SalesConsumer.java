package com.example.mkt.campaign.attribution;


import com.example.mkt.campaign.config.CampaignConfig;
import com.example.mkt.contracts.SalesRecordedContract;
import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.envelope.EventEnvelope;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads sales.events in batches. The inbox is keyed on the sale's own eventId (docs/domain.md#sales-events: a resent
 * sale is counted once, even under a new envelope id); other event types are keyed on their envelope id and ignored.
 * Each sales.recorded is checked against its published contract first; one that breaks it is dead-lettered.
 */
@ApplicationScoped
public class SalesConsumer {

    static final String CONSUMER = "campaign-sales";

    private final EventConsumer consumer;
    private final SalesAttribution attribution;
    private final String currency;

    public SalesConsumer(EventConsumer consumer, SalesAttribution attribution, CampaignConfig config) {
        this.consumer = consumer;
        this.attribution = attribution;
        this.currency = config.currency();
    }

    @Incoming("sales")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consumeWithoutInbox(CONSUMER, records, this::idempotencyKey, attribution::apply);
    }

    /** A sale's eventId, once the record has passed the published contract (else it is dead-lettered here). */
    String idempotencyKey(InboundEvent event) {
        if (!SalesAttribution.SALES_RECORDED.equals(event.type())) {
            return event.envelope().id();
        }
        check(event.envelope(), currency);
        return event.envelope().data().get("eventId").textValue();
    }

    /**
     * The contract every sales consumer checks before its handler runs (docs/events.md#salesrecorded-external-contract):
     * the published schema of the envelope's dataversion (libs/contracts), then the platform's currency: a USD sale
     * counted toward a CNY target before. Poison, with every reason, when broken.
     */
    static void check(EventEnvelope envelope, String currency) {
        SalesRecordedContract.refusal(envelope.dataversion(), envelope.data(), currency).ifPresent(reason -> {
            throw new PoisonEventException(reason);
        });
    }
}
