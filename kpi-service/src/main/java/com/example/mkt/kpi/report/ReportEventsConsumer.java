package com.example.mkt.kpi.report;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.kpi.rollup.RollupService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Rolls up planning-service's report events into REPORT_ON_TIME_RATE ({@link ReportFacts}). The inbox keys on the
 * envelope id; the fact's key (the report) keeps a report from counting twice, whichever of its events come.
 */
@ApplicationScoped
public class ReportEventsConsumer {

    static final String CONSUMER = "kpi-service.reports";

    private final EventConsumer consumer;
    private final RollupService rollups;

    public ReportEventsConsumer(EventConsumer consumer, RollupService rollups) {
        this.consumer = consumer;
        this.rollups = rollups;
    }

    @Incoming("reports")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, records,
                events -> rollups.applyEvents(events, e -> ReportFacts.read(e.type(), e.envelope().data()).stream()));
    }
}
