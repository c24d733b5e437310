package com.example.mkt.planning.progress;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;

import io.smallrye.common.annotation.Blocking;

/** kpi-service's events ({@code kpi.events}): KPI values move the progress of linked goals. */
@ApplicationScoped
public class KpiEventsConsumer {

    static final String CONSUMER = "goal-progress";

    private final EventConsumer consumer;
    private final GoalProgressService progress;

    public KpiEventsConsumer(EventConsumer consumer, GoalProgressService progress) {
        this.consumer = consumer;
        this.progress = progress;
    }

    @Incoming("kpi-events")
    @Blocking
    public void onKpiEvents(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, records, progress::apply);
    }
}
