package com.example.mkt.kpi.campaign;

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

/** Rolls up {@code campaign.events} into campaign ROI (see {@link CampaignFacts}); every other type is ignored. */
@ApplicationScoped
public class CampaignEventsConsumer {

    static final String CONSUMER = "kpi-service.campaigns";

    private final EventConsumer consumer;
    private final RollupService rollups;
    private final KpiConfig config;

    public CampaignEventsConsumer(EventConsumer consumer, RollupService rollups, KpiConfig config) {
        this.consumer = consumer;
        this.rollups = rollups;
        this.config = config;
    }

    @Incoming("campaigns")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, records, this::apply);
    }

    private void apply(List<InboundEvent> events) throws Exception {
        List<Fact> facts = new ArrayList<>();
        for (InboundEvent event : events) {
            CampaignFacts.read(event.type(), event.envelope().data(), config.currency()).ifPresent(facts::add);
            CampaignFacts.expenses(event.type(), event.envelope().data(), config.currency()).ifPresent(facts::add);
        }
        rollups.apply(facts);
    }
}
