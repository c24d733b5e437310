package com.example.mkt.eventing.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.consumer.PoisonEventException;

import io.smallrye.common.annotation.Blocking;

/** A batch consumer as a service would write one. */
@ApplicationScoped
public class TestConsumer {

    private final EventConsumer consumer;
    private final DataSource dataSource;

    public TestConsumer(EventConsumer consumer, DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    @Incoming("test-in")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume("test-consumer", records, TestConsumer::key, this::apply);
    }

    /** As a consumer checks a record against its published schema before any handler runs. */
    private static String key(InboundEvent event) {
        if (event.envelope().data().path("broken").asBoolean()) {
            throw new PoisonEventException("$.broken: breaks the contract");
        }
        return event.envelope().id();
    }

    private void apply(List<InboundEvent> events) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO test_effect (event_id, note) VALUES (?, ?)")) {
            for (InboundEvent event : events) {
                if (!event.type().startsWith("test.")) {
                    continue; // tolerant reader: unknown types are not ours
                }
                if (event.envelope().data().path("poison").asBoolean()) {
                    throw new PoisonEventException("refused by the test: " + event.envelope().id());
                }
                ps.setString(1, event.envelope().id());
                ps.setString(2, event.envelope().data().path("note").asText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
