package com.example.mkt.kpi.sales;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.rollup.Fact;
import com.example.mkt.kpi.rollup.RollupService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Rolls up {@code sales.events}. The sale's own eventId is the idempotency key, so a sale resent in a new envelope is
 * counted once; a whole polled batch becomes one upsert of the cells it touches.
 */
@ApplicationScoped
public class SalesConsumer {

    static final String CONSUMER = "kpi-service.sales";

    private final EventConsumer consumer;
    private final RollupService rollups;
    private final KpiConfig config;

    public SalesConsumer(EventConsumer consumer, RollupService rollups, KpiConfig config) {
        this.consumer = consumer;
        this.rollups = rollups;
        this.config = config;
    }

    @Incoming("sales")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consumeWithoutInbox(CONSUMER, records, SalesConsumer::idempotencyKey, this::apply);
    }

    private static String idempotencyKey(InboundEvent event) {
        // Other types on the topic have no eventId; their envelope id keeps them apart.
        return SaleFacts.TYPE.equals(event.type())
                ? event.envelope().data().path("eventId").asText()
                : event.envelope().id();
    }

    private void apply(List<InboundEvent> events) throws Exception {
        List<Fact> facts = new ArrayList<>(events.size());
        for (InboundEvent event : events) {
            if (!SaleFacts.TYPE.equals(event.type())) {
                continue;
            }
            SaleFacts.read(event.envelope().data(), config.currency()).ifPresent(facts::add);
        }
        rollups.apply(facts);
    }
}
