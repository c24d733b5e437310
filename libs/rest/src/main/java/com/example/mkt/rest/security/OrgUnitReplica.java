package com.example.mkt.rest.security;

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
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@code org_unit_ref} in step with planning-service's org tree. Every org-unit event carries the
 * unit's full state, so applying the newest version wins; other planning events are ignored. Each
 * service configures the {@code org-units} channel on topic {@code planning.events}.
 */
@ApplicationScoped
public class OrgUnitReplica {

    static final String CONSUMER = "org-unit-replica";
    private static final String UPSERT = "INSERT INTO org_unit_ref (code, name, kind, parent, active, version, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,"
            + " kind = EXCLUDED.kind, parent = EXCLUDED.parent, active = EXCLUDED.active, version = EXCLUDED.version,"
            + " updated_at = now() WHERE org_unit_ref.version <= EXCLUDED.version";

    private final EventConsumer consumer;
    private final DataSource dataSource;
    private final ReplicatedOrgDirectory directory;

    public OrgUnitReplica(EventConsumer consumer, DataSource dataSource, ReplicatedOrgDirectory directory) {
        this.consumer = consumer;
        this.dataSource = dataSource;
        this.directory = directory;
    }

    @Incoming("org-units")
    @Blocking
    public void onPlanningEvents(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, records, this::apply);
        directory.invalidate();
    }

    void apply(List<InboundEvent> events) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            int rows = 0;
            for (InboundEvent event : events) {
                if (!event.type().startsWith("org-unit.")) {
                    continue;
                }
                JsonNode unit = event.envelope().data();
                String code = unit.path("code").asText(null);
                String name = unit.path("name").asText(null);
                String kind = unit.path("kind").asText(null);
                if (code == null || name == null || kind == null) {
                    throw new PoisonEventException("org-unit event without code, name or kind: " + event.envelope().id());
                }
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, kind);
                ps.setString(4, unit.hasNonNull("parent") ? unit.get("parent").asText() : null);
                ps.setBoolean(5, unit.path("active").asBoolean(true));
                ps.setLong(6, unit.path("version").asLong(0));
                ps.addBatch();
                rows++;
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }
}
