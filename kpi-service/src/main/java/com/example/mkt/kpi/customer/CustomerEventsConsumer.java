package com.example.mkt.kpi.customer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.kpi.rollup.RollupService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Rolls up {@code customer.events} (new customers, follow-ups, complaints, surveys, churn; see {@link CustomerFacts}).
 * The inbox keys on the envelope id; each fact's business key keeps a resent or repeated business fact from counting
 * twice. A polled batch becomes one upsert of the cells it touches.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "kpi-service.customers";

    private final EventConsumer consumer;
    private final RollupService rollups;

    public CustomerEventsConsumer(EventConsumer consumer, RollupService rollups) {
        this.consumer = consumer;
        this.rollups = rollups;
    }

    @Incoming("customers")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, records,
                events -> rollups.applyEvents(events, e -> CustomerFacts.read(e.type(), e.envelope().data()).stream()));
    }
}
