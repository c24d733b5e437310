package com.example.mkt.kpi.campaign;

import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.kpi.config.KpiConfig;
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
        consumer.consume(CONSUMER, records, events -> rollups.applyEvents(events, e -> Stream.concat(
                CampaignFacts.read(e.type(), e.envelope().data(), config.currency()).stream(),
                CampaignFacts.expenses(e.type(), e.envelope().data(), config.currency()).stream())));
    }
}
