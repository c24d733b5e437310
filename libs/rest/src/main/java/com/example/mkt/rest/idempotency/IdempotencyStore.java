package com.example.mkt.rest.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The answers already given to requests with an Idempotency-Key, per caller. Each write commits on its
 * own: a claim must be visible to a concurrent repeat before the first request finishes.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** A stored answer; {@code status == null} while the first request is still running. */
    public record StoredAnswer(String requestHash, Integer status, String contentType, String location, String etag,
            String body) {
    }

    private final DataSource dataSource;

    public IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Claims the key for a new request; empty when claimed, else what is already stored. */
    public Optional<StoredAnswer> claim(String principal, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rest_idempotency (principal, idem_key,"
                        + " request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, principal);
                    ps.setString(2, key);
                    ps.setString(3, requestHash);
                    if (ps.executeUpdate() == 1) {
                        return Optional.empty();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, status, content_type, location,"
                        + " etag, body FROM rest_idempotency WHERE principal = ? AND idem_key = ?")) {
                    ps.setString(1, principal);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty(); // pruned in between: treat as new
                        }
                        int status = rs.getInt(2);
                        return Optional.of(new StoredAnswer(rs.getString(1), rs.wasNull() ? null : status,
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
        });
    }

    public void complete(String principal, String key, int status, String contentType, String location, String etag,
            String body) {
        update("UPDATE rest_idempotency SET status = ?, content_type = ?, location = ?, etag = ?, body = ?"
                + " WHERE principal = ? AND idem_key = ?", ps -> {
                    ps.setInt(1, status);
                    ps.setString(2, contentType);
                    ps.setString(3, location);
                    ps.setString(4, etag);
                    ps.setString(5, body);
                    ps.setString(6, principal);
                    ps.setString(7, key);
                });
    }

    /** Forgets a claim whose request failed on our side, so that a retry runs again. */
    public void release(String principal, String key) {
        update("DELETE FROM rest_idempotency WHERE principal = ? AND idem_key = ?", ps -> {
            ps.setString(1, principal);
            ps.setString(2, key);
        });
    }

    public void prune(long olderThanSeconds) {
        update("DELETE FROM rest_idempotency WHERE created_at < now() - make_interval(secs => ?)",
                ps -> ps.setDouble(1, olderThanSeconds));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("idempotency store: " + e.getMessage(), e);
            }
        });
    }
}
