package com.example.mkt.eventing;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Prunes published outbox rows and old inbox entries; safe to run on every replica at once. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final DataSource dataSource;
    private final EventingConfig config;

    public Housekeeping(DataSource dataSource, EventingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() throws SQLException {
        int outbox = delete("DELETE FROM eventing_outbox WHERE published_at < now() - make_interval(secs => ?)",
                config.outbox().retention().toSeconds());
        int inbox = delete("DELETE FROM eventing_inbox WHERE processed_at < now() - make_interval(secs => ?)",
                config.consumer().inboxRetention().toSeconds());
        if (outbox + inbox > 0) {
            LOG.infof("pruned %d published outbox rows and %d inbox entries", outbox, inbox);
        }
    }

    private int delete(String sql, long seconds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, seconds);
            return ps.executeUpdate();
        }
    }
}
