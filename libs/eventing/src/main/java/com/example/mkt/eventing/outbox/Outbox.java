package com.example.mkt.eventing.outbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.mkt.eventing.trace.TraceContext;
import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.eventing.jdbc.UnnestColumns;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.opentelemetry.api.OpenTelemetry;

/**
 * Writes events to the outbox table inside the caller's transaction: the event exists if and only if the
 * state change committed. The relay publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";
    /**
     * All of a transaction's events in one statement (a batch of 500 sales may publish hundreds), ids drawn in the
     * order given: WITH ORDINALITY keeps per-key order whatever the plan.
     */
    private static final String INSERT = "INSERT INTO eventing_outbox (event_id, topic, event_key, event_type, payload,"
            + " headers, created_at) SELECT u.id::uuid, u.topic, u.event_key, u.event_type, u.payload, ?, ?"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS u(id, topic, event_key, event_type, payload, n) ORDER BY u.n";

    private final DataSource dataSource;
    private final Instance<EntityManager> entityManager;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;
    private final OpenTelemetry telemetry;
    private final String source;
    private final Clock clock;

    public Outbox(DataSource dataSource, Instance<EntityManager> entityManager, EventCodec codec, TransactionSynchronizationRegistry transactions,
            OutboxSignal signal, OpenTelemetry telemetry, EventingConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.codec = codec;
        this.transactions = transactions;
        this.signal = signal;
        this.telemetry = telemetry;
        this.source = config.source().orElse("/" + applicationName);
        this.clock = Clock.systemUTC();
    }

    /** Adds one event to the current transaction; returns its envelope. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(OutboundEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /** Adds events to the current transaction in one statement; returns their envelopes in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // Flush first: the aggregate rows are locked before the outbox ids are drawn, so two transactions
        // on one aggregate get outbox ids in their commit order.
        flushEntities();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String headers = traceHeaders();
        List<EventEnvelope> envelopes = events.stream()
                .map(e -> EventEnvelope.of(source, e.type(), e.dataVersion(), e.subject(), now, codec.toTree(e.data())))
                .toList();
        // Within a JTA transaction the pool hands out the transaction's own connection.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(INSERT)) {
            UnnestColumns columns = new UnnestColumns(5);
            for (int i = 0; i < events.size(); i++) {
                OutboundEvent event = events.get(i);
                EventEnvelope envelope = envelopes.get(i);
                columns.add(envelope.id(), event.topic(), event.subject(), event.type(), codec.write(envelope));
            }
            ps.setString(1, headers);
            ps.setTimestamp(2, Timestamp.from(now.toInstant()));
            columns.bind(ps, 3);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox: " + e.getMessage(), e);
        }
        wakeRelayAfterCommit();
        return envelopes;
    }

    private void flushEntities() {
        if (entityManager.isResolvable()) {
            EntityManager em = entityManager.get();
            if (em.isJoinedToTransaction()) {
                em.flush();
            }
        }
    }

    /** W3C trace context of the current span, carried to the record headers. */
    private String traceHeaders() {
        Map<String, String> carrier = TraceContext.currentHeaders(telemetry);
        if (carrier.isEmpty()) {
            return null;
        }
        try {
            return codec.mapper().writeValueAsString(carrier);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake();
                }
            }
        });
    }
}
