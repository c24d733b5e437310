package com.example.mkt.eventing.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * An insert of rows that are almost never stored already (a consumer's sales and facts, its inbox claims: only a
 * redelivery brings one twice), with its {@code ON CONFLICT ... DO NOTHING} used only when needed. For every row,
 * {@code ON CONFLICT} makes PostgreSQL search the key's index for it before inserting and once more as it inserts, and
 * log one more WAL record (speculative insertion): measured on 500 rows, 5,400 against 2,900 buffer accesses and 3
 * against 2 WAL records a row. So the statement runs first without the clause, under a savepoint; if that fails on a
 * unique key (some row was stored before), the savepoint is rolled back and the statement runs again with it. The
 * outcome is the same either way: a plain insert that succeeds inserted every row, as the clause would have, so what
 * it returns (RETURNING) is the same. The price: two round trips per insert for the savepoint, and the redelivered
 * batch runs its insert twice (and two more round trips to roll the savepoint back and release it).
 */
public final class FreshRows {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SAVEPOINT = "fresh_rows";

    /** Runs a prepared statement and reads its outcome. */
    @FunctionalInterface
    public interface Run<T> {
        T apply(PreparedStatement ps) throws SQLException;
    }

    private FreshRows() {
    }

    /**
     * @param sql the statement, holding {@code onConflict} once
     * @param onConflict its conflict clause (e.g. {@code " ON CONFLICT (event_id) DO NOTHING"}), left out on the first
     *        try
     */
    public static <T> T insert(Connection c, String sql, String onConflict, Run<T> run) throws SQLException {
        if (!sql.contains(onConflict)) {
            throw new IllegalArgumentException("the statement holds no " + onConflict.strip() + ": " + sql);
        }
        // outside a transaction the failed statement undid itself
        boolean inTransaction = !c.getAutoCommit();
        if (inTransaction) {
            savepoint(c, "SAVEPOINT " + SAVEPOINT);
        }
        try (PreparedStatement ps = c.prepareStatement(sql.replace(onConflict, ""))) {
            T outcome = run.apply(ps);
            if (inTransaction) {
                savepoint(c, "RELEASE SAVEPOINT " + SAVEPOINT);
            }
            return outcome;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            if (inTransaction) {
                // rolled back, a savepoint stays defined: released, the retry and the rest of the batch's statements
                // run in the transaction itself rather than in a subtransaction, and a later insert's savepoint of
                // the same name is not nested in this one
                savepoint(c, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                savepoint(c, "RELEASE SAVEPOINT " + SAVEPOINT);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return run.apply(ps);
        }
    }

    /** Runs the statement and returns the first column of the rows it returns: the keys a RETURNING names. */
    public static Set<String> returnedKeys(PreparedStatement ps) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /**
     * Savepoint commands as SQL: the pool (Agroal) refuses JDBC's {@code rollback(Savepoint)} on a connection enlisted
     * in a JTA transaction, where the consumers' batches run.
     */
    private static void savepoint(Connection c, String command) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(command);
        }
    }
}
