package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.jdbc.FreshRows;
import com.example.mkt.eventing.jdbc.TextArrays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link FreshRows} on PostgreSQL, in one JTA transaction as a consumer's batch is: rows none of which is stored go in with
 * the plain insert; a batch holding a stored one is inserted again with the conflict clause, returns only the new rows
 * and keeps what the transaction did before it; any other failure is the caller's.
 */
@QuarkusTest
class FreshRowsIT {

    private static final String INSERT = "INSERT INTO fresh_rows_it (id, note) SELECT * FROM unnest(?::text[],"
            + " ?::text[]) ON CONFLICT (id) DO NOTHING RETURNING id";
    private static final String CLAUSE = " ON CONFLICT (id) DO NOTHING";

    @Inject
    DataSource dataSource;

    /** In a JTA transaction, where a consumer's batch runs: the pool refuses JDBC's savepoint rollback there. */
    @Test
    void storedRowsAreLeftAloneAndTheRestInsertedWithoutUndoingTheTransaction() {
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                createTable(c);
                assertEquals(List.of("a", "b"), insert(c, List.of("a", "b"), List.of("first", "first")), "all new");
                assertEquals(List.of("c"), insert(c, List.of("b", "c"), List.of("again", "first")), "b was stored");
                assertEquals(List.of("a first", "b first", "c first"), rows(c), "nothing before the savepoint undone");
                try (Statement st = c.createStatement()) {
                    // a savepoint of its own keeps the transaction usable after the expected failure
                    st.execute("SAVEPOINT probe");
                    SQLException released = assertThrows(SQLException.class,
                            () -> st.execute("RELEASE SAVEPOINT fresh_rows"), "no savepoint left after the retry");
                    assertEquals("3B001", released.getSQLState(), released.getMessage());
                    st.execute("ROLLBACK TO SAVEPOINT probe");
                    st.execute("RELEASE SAVEPOINT probe");
                }
            }
            return null;
        });
    }

    @Test
    void withoutATransactionNoSavepointIsNeeded() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE fresh_rows_it (id text PRIMARY KEY, note text NOT NULL)");
            try {
                assertEquals(List.of("a"), insert(c, List.of("a"), List.of("first")));
                assertEquals(List.of("b"), insert(c, List.of("a", "b"), List.of("again", "first")), "a was stored");
                assertEquals(List.of("a first", "b first"), rows(c));
            } finally {
                st.execute("DROP TABLE fresh_rows_it");
            }
        }
    }

    @Test
    void anyOtherFailureIsTheCallers() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            createTable(c);
            SQLException notNull = assertThrows(SQLException.class,
                    () -> insert(c, List.of("d"), java.util.Arrays.asList((String) null)));
            assertEquals("23502", notNull.getSQLState(), "not a key conflict");
            c.rollback();
            c.setAutoCommit(true);
        }
        assertThrows(IllegalArgumentException.class, () -> FreshRows.insert(null, "INSERT INTO x VALUES (1)",
                CLAUSE, ps -> 0));
    }

    private static void createTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE fresh_rows_it (id text PRIMARY KEY, note text NOT NULL) ON COMMIT DROP");
        }
    }

    private static List<String> insert(Connection c, List<String> ids, List<String> notes) throws SQLException {
        return FreshRows.insert(c, INSERT, CLAUSE, ps -> {
            TextArrays.bind(ps, 1, ids);
            TextArrays.bind(ps, 2, notes);
            List<String> inserted = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
            return inserted;
        });
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id || ' ' || note FROM fresh_rows_it ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
