package com.example.mkt.campaign.segment;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.consumer.PoisonEventException;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Keeps segment membership from customer.events ({@code segment.membership-changed}: segmentId, customerId,
 * member). Read tolerantly: other types and unknown fields are ignored; events apply in arrival order, which is
 * per-customer order when customer-service keys them by customer id.
 */
@ApplicationScoped
public class SegmentMembershipConsumer {

    static final String TYPE = "segment.membership-changed";

    private final EventConsumer consumer;
    private final SegmentStore store;
    private final DataSource dataSource;

    public SegmentMembershipConsumer(EventConsumer consumer, SegmentStore store, DataSource dataSource) {
        this.consumer = consumer;
        this.store = store;
        this.dataSource = dataSource;
    }

    @Incoming("customer-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume("campaign-segments", records, this::apply);
    }

    private void apply(List<InboundEvent> events) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (InboundEvent event : events) {
                if (!TYPE.equals(event.type())) {
                    continue;
                }
                JsonNode data = event.envelope().data();
                String segment = data.path("segmentId").asText("");
                String customer = data.path("customerId").asText("");
                JsonNode member = data.path("member");
                if (segment.isBlank() || customer.isBlank() || !member.isBoolean()) {
                    throw new PoisonEventException(TYPE + " needs segmentId, customerId and member: "
                            + event.envelope().id());
                }
                Instant at = event.envelope().time() == null ? Instant.now() : event.envelope().time().toInstant();
                if (member.asBoolean()) {
                    store.join(c, customer, segment, at);
                } else {
                    store.leave(c, customer, segment);
                }
            }
        }
    }
}
