package com.example.mkt.eventing.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.KafkaBrokerHealth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.HealthGroup;

/**
 * What the relay does with rows Kafka did not take. A definite refusal counts as an attempt; at
 * {@code eventing.outbox.max-attempts} the row is parked (moved aside with its reason) so the service's other events
 * flow. A key's later rows are held (parked too, "held behind") while one of its rows is parked: consumers never see
 * a later event of an aggregate before an earlier one. Releasing a row releases the held rows of its key with it.
 * Only rounds with a failure or a held row reach the database here: the normal path costs nothing.
 */
@ApplicationScoped
@Startup // its meters are on /q/metrics from the start, not from its first use
public class OutboxParking {

    /** The reason given to rows held behind a parked row of their key. */
    public static final String HELD = "held: an earlier event of the same topic and key is parked";
    private static final Logger LOG = Logger.getLogger(OutboxParking.class);
    /** One statement for all of a round's failures; parks those that reach the limit. */
    private static final String FAIL = "UPDATE eventing_outbox o SET attempts = o.attempts + u.counted,"
            + " last_error = u.reason, parked_at = CASE WHEN u.counted > 0 AND o.attempts + 1 >= ? THEN now() END"
            + " FROM unnest(?::bigint[], ?::int[], ?::text[]) AS u(id, counted, reason) WHERE o.id = u.id"
            + " RETURNING o.id, o.topic, o.event_key, o.attempts, o.parked_at IS NOT NULL";
    private static final String HOLD = "UPDATE eventing_outbox SET parked_at = now(), last_error = ? WHERE id = ANY (?)"
            + " AND parked_at IS NULL";

    private final EventingConfig.Outbox config;
    private final KafkaBrokerHealth broker;
    private final Counter parked;
    private final Counter failures;
    private int failingRounds;
    private volatile Duration retryDelay = Duration.ZERO;

    public OutboxParking(EventingConfig config, @HealthGroup("kafka") KafkaBrokerHealth broker, MeterRegistry registry) {
        this.config = config.outbox();
        this.broker = broker;
        this.parked = Counter.builder("eventing.outbox.parked.events")
                .description("Outbox rows parked: refused by Kafka too often, or held behind such a row of their key")
                .register(registry);
        this.failures = Counter.builder("eventing.outbox.send.failures")
                .description("Outbox records Kafka did not take (each attempt)").register(registry);
    }

    /** Records the round's failures and holds in its transaction, and how long the relay waits before the next. */
    void settle(Connection connection, RelayBatch batch) throws SQLException {
        if (!batch.failed().isEmpty()) {
            fail(connection, batch.failed(), !batch.acknowledged().isEmpty() || broker.up());
        }
        if (!batch.held().isEmpty()) {
            hold(connection, batch.held());
        }
        boolean failing = !batch.failed().isEmpty() || batch.deferred() > 0;
        failingRounds = failing ? failingRounds + 1 : 0;
        retryDelay = failing ? backoff(failingRounds) : Duration.ZERO;
    }

    /** Zero after a clean round; else the back-off before the next round. */
    Duration retryDelay() {
        return retryDelay;
    }

    private Duration backoff(int rounds) {
        long millis = config.initialBackoff().toMillis() << Math.min(rounds - 1, 20);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void fail(Connection connection, List<RelayBatch.Failed> failed, boolean brokerReachable)
            throws SQLException {
        failures.increment(failed.size());
        Long[] ids = new Long[failed.size()];
        Integer[] counted = new Integer[failed.size()];
        String[] reasons = new String[failed.size()];
        for (int i = 0; i < ids.length; i++) {
            RelayBatch.Failed f = failed.get(i);
            ids[i] = f.id();
            counted[i] = f.failure().counts(brokerReachable) ? 1 : 0;
            reasons[i] = f.failure().reason();
        }
        LOG.warnf("Kafka did not take %d outbox record(s), first #%d: %s", failed.size(), ids[0], reasons[0]);
        try (PreparedStatement ps = connection.prepareStatement(FAIL)) {
            ps.setInt(1, config.maxAttempts());
            ps.setArray(2, connection.createArrayOf("bigint", ids));
            ps.setArray(3, connection.createArrayOf("int4", counted));
            ps.setArray(4, connection.createArrayOf("text", reasons));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(5)) {
                        parked.increment();
                        LOG.errorf("outbox row #%d (topic %s, key %s) parked after %d attempts; ./platform outbox list"
                                + " shows it, release it once the cause is fixed", rs.getLong(1), rs.getString(2),
                                rs.getString(3), rs.getInt(4));
                    }
                }
            }
        }
    }

    private void hold(Connection connection, List<Long> held) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(HOLD)) {
            ps.setString(1, HELD);
            Array array = connection.createArrayOf("bigint", held.toArray());
            ps.setArray(2, array);
            int rows = ps.executeUpdate();
            parked.increment(rows);
            LOG.warnf("%d outbox row(s) held behind a parked row of their key", rows);
        }
    }
}
