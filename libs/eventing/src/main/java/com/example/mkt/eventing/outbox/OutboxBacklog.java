package com.example.mkt.eventing.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox gauges a pager watches: rows waiting for the relay, the age of the oldest of them, and parked rows.
 * Read by a background probe (both counts walk partial indexes of waiting rows only), so a scrape costs no query.
 */
@ApplicationScoped
@Startup // its meters are on /q/metrics from the start, not from its first use
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    static final String QUERY = "SELECT (SELECT count(*) FROM eventing_outbox WHERE published_at IS NULL"
            + " AND parked_at IS NULL), (SELECT min(created_at) FROM eventing_outbox WHERE id = (SELECT min(id)"
            + " FROM eventing_outbox WHERE published_at IS NULL AND parked_at IS NULL)),"
            + " (SELECT count(*) FROM eventing_outbox WHERE parked_at IS NOT NULL)";

    private final DataSource dataSource;
    private volatile long pending;
    private volatile long parked;
    private volatile Instant oldestPending;

    public OutboxBacklog(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("eventing.outbox.pending", this, b -> b.pending)
                .description("Outbox rows waiting for the relay (not parked)").register(registry);
        Gauge.builder("eventing.outbox.oldest.pending.age", this, OutboxBacklog::oldestAgeSeconds)
                .description("Age in seconds of the oldest outbox row waiting for the relay, 0 when none")
                .baseUnit("seconds").register(registry);
        Gauge.builder("eventing.outbox.parked", this, b -> b.parked)
                .description("Parked outbox rows waiting for operations (./platform outbox list)").register(registry);
    }

    @Scheduled(every = "15s", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("outbox backlog not read: %s", e.toString());
        }
    }

    /** Reads the three figures now. */
    public void refresh() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(QUERY);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            pending = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            oldestPending = oldest == null ? null : oldest.toInstant();
            parked = rs.getLong(3);
        }
    }

    private double oldestAgeSeconds() {
        Instant oldest = oldestPending;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }
}
