package com.example.mkt.eventing.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Parked outbox rows for operations: list them, and release them back to the relay once the cause is fixed. A
 * release also releases the later parked rows of the same topic and key (held behind it), in id order, so the key's
 * events still leave in order; a held row released alone is held again while the row it waits for stays parked.
 */
@ApplicationScoped
public class ParkedOutbox {

    /** A parked row as operations see it. */
    public record ParkedRow(long id, String eventId, String topic, String key, String type, String reason, int attempts,
            Instant createdAt, Instant parkedAt) {
    }

    static final String LIST = "SELECT id, event_id, topic, event_key, event_type, last_error, attempts,"
            + " created_at, parked_at FROM eventing_outbox WHERE parked_at IS NOT NULL AND id > ? ORDER BY id LIMIT ?";
    static final String RELEASE_ONE = "UPDATE eventing_outbox o SET parked_at = NULL, attempts = 0"
            + " FROM eventing_outbox r WHERE r.id = ? AND r.parked_at IS NOT NULL AND o.parked_at IS NOT NULL"
            + " AND o.topic = r.topic AND o.event_key = r.event_key AND o.id >= r.id";
    private static final String RELEASE_ALL = "UPDATE eventing_outbox SET parked_at = NULL, attempts = 0"
            + " WHERE parked_at IS NOT NULL";

    private final DataSource dataSource;
    private final OutboxSignal signal;

    public ParkedOutbox(DataSource dataSource, OutboxSignal signal) {
        this.dataSource = dataSource;
        this.signal = signal;
    }

    /** Parked rows in id order after {@code afterId}, at most {@code limit}. */
    @Transactional
    public List<ParkedRow> list(long afterId, int limit) throws SQLException {
        List<ParkedRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIST)) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ParkedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                            rs.getTimestamp(9).toInstant()));
                }
            }
        }
        return rows;
    }

    /** Releases one parked row and the rows held behind it; the number released (0: no such parked row). */
    public int release(long id) throws SQLException {
        return update(RELEASE_ONE, id);
    }

    /** Releases every parked row; the number released. */
    public int releaseAll() throws SQLException {
        return update(RELEASE_ALL, null);
    }

    private int update(String sql, Long id) throws SQLException {
        int released = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                if (id != null) {
                    ps.setLong(1, id);
                }
                return ps.executeUpdate();
            }
        });
        if (released > 0) {
            signal.wake();
        }
        return released;
    }
}
