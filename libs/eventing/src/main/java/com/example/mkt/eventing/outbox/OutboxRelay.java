package com.example.mkt.eventing.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.KafkaPublisher;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka in id order, in batches, and marks them published in the same database
 * transaction that read them. One relay runs at a time across replicas (a transaction-scoped advisory
 * lock), which keeps per-key order. A crash between send and commit re-sends the batch: delivery is
 * at-least-once, and consumers drop the repeat by event id. Rows Kafka refuses are handed to {@link OutboxParking}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: the advisory lock that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x6d6b745f6f7574L;
    private static final int LOCKED_ELSEWHERE = -1;
    /**
     * The oldest rows neither published nor parked; {@code held}: their key has a parked row (a hashed lookup in the
     * parked-rows index, empty in normal operation).
     */
    static final String SELECT = "SELECT id, topic, event_key, payload, headers, created_at, attempts,"
            + " (topic, event_key) IN (SELECT p.topic, p.event_key FROM eventing_outbox p WHERE p.parked_at IS NOT NULL)"
            + " FROM eventing_outbox WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ?";
    private static final byte[] CONTENT_TYPE = EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final String MARK = "UPDATE eventing_outbox SET published_at = now() WHERE id = ANY (?)";

    private final DataSource dataSource;
    private final KafkaPublisher publisher;
    private final OutboxSignal signal;
    private final EventingConfig.Outbox config;
    private final ObjectMapper mapper;
    private final OutboxParking parking;
    private final OutboxFaults faults;
    private final Counter published;
    private final Timer lag;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(DataSource dataSource, KafkaPublisher publisher, OutboxSignal signal, EventingConfig config,
            ObjectMapper mapper, MeterRegistry registry, OutboxParking parking, OutboxFaults faults) {
        this.dataSource = dataSource;
        this.parking = parking;
        this.faults = faults;
        this.publisher = publisher;
        this.signal = signal;
        this.config = config.outbox();
        this.mapper = mapper;
        this.published = Counter.builder("eventing.outbox.published").description("Events published from the outbox")
                .register(registry);
        this.lag = Timer.builder("eventing.outbox.lag").description("Time from outbox write to Kafka acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        long backoffMillis = 0;
        long pollMillis = config.pollInterval().toMillis();
        while (running) {
            try {
                int relayed = relayBatch();
                backoffMillis = 0;
                long retryMillis = relayed > 0 ? parking.retryDelay().toMillis() : 0; // set by this round's rows
                if (retryMillis > 0) {
                    Thread.sleep(retryMillis); // a row failed: retry it after a back-off, not in a tight loop
                    continue;
                }
                if (relayed == config.batchSize()) {
                    continue;
                }
                // Another replica relays: look again soon, it may release the lock with rows left for us.
                signal.await(relayed == LOCKED_ELSEWHERE ? Math.min(100, pollMillis) : pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), 10_000);
                LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes one batch; the number of rows read (published, failed or held), or {@link #LOCKED_ELSEWHERE}. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(120)
                .call(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        return relay(connection);
                    }
                });
    }

    int relay(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return LOCKED_ELSEWHERE;
                }
            }
        }
        RelayBatch batch = new RelayBatch();
        Producer<String, String> producer = publisher.producer();
        // A transaction's events share one trace context: its JSON is read once per batch, not once per record.
        Map<String, Map<String, String>> traces = new java.util.HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String topic = rs.getString(2);
                    String key = rs.getString(3);
                    String payload = rs.getString(4);
                    String headers = rs.getString(5);
                    batch.offer(rs.getLong(1), topic, key, rs.getInt(7), rs.getBoolean(8), rs.getTimestamp(6).toInstant(),
                            () -> producer.send(record(topic, key, payload, headers, traces)));
                }
            }
        }
        if (batch.read() == 0) {
            return 0;
        }
        producer.flush();
        try {
            batch.awaitSends();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
        List<Long> ids = batch.acknowledged();
        faults.afterAcknowledged(ids.size());
        if (!ids.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                Array array = connection.createArrayOf("bigint", ids.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
        }
        parking.settle(connection, batch);
        Instant now = Instant.now();
        for (Instant c : batch.acknowledgedCreated()) {
            lag.record(Duration.between(c, now));
        }
        published.increment(ids.size());
        return batch.read();
    }

    private ProducerRecord<String, String> record(String topic, String key, String payload, String headers,
            Map<String, Map<String, String>> traces) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add(new RecordHeader("content-type", CONTENT_TYPE));
        if (headers != null) {
            traces.computeIfAbsent(headers, this::trace)
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private Map<String, String> trace(String headers) {
        try {
            return mapper.readValue(headers, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            LOG.debugf("unreadable trace headers on outbox row: %s", e.getMessage());
            return Map.of();
        }
    }
}
