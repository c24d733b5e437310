package com.example.mkt.eventing.consumer;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.jdbc.FreshRows;

/** The processed-event ledger of the consumers of this service. */
@ApplicationScoped
public class Inbox {

    private static final String ON_CONFLICT = " ON CONFLICT DO NOTHING";
    private static final String CLAIM = "INSERT INTO eventing_inbox (consumer, event_id)"
            + " SELECT ?, unnest(?::varchar[])" + ON_CONFLICT + " RETURNING event_id";

    private final DataSource dataSource;

    public Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the ids as processed by {@code consumer}, in the current transaction, in one statement.
     * Returns the ids seen for the first time: the ones to apply. Only a redelivered batch holds ids claimed before,
     * so the claim goes in without its {@code ON CONFLICT} first ({@link FreshRows}: half the index work per id).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> claim(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return FreshRows.insert(connection, CLAIM, ON_CONFLICT, ps -> {
                ps.setString(1, consumer);
                ps.setArray(2, connection.createArrayOf("varchar", eventIds.toArray()));
                return FreshRows.returnedKeys(ps);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed events: " + e.getMessage(), e);
        }
    }
}
