package com.example.mkt.kpi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.rollup.RollupService;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The retry of parked facts while a rebuild holds the tables, on the real database: neither is chosen as a deadlock's
 * victim. A hostile-input run met it: the retry locked the parked rows ({@code FOR UPDATE} is compatible with the
 * rebuild's table lock), the rebuild's unparking waited for those rows and the retry's update for the rebuild's table
 * lock. The test holds the rebuild at its last table lock, once it holds the facts' and the cells' (it keeps the staff
 * cells' table open for writing), lets the retry start, then releases the rebuild.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ParkedRetryLocksIT {

    @Inject
    RollupService rollups;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String s = Fixtures.suffix();
    private final String hq = "HQ-PL" + s;
    private final String branch = "B-PL" + s;

    @Test
    void retryWaitsForARebuildInsteadOfDeadlockingWithIt() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, hq, "总部", "HQ", null);
            Fixtures.unit(kafka, branch, "赣州分公司", "BRANCH", hq);
        }
        Fixtures.await("org tree", () -> directory.subtree(hq).contains(branch));
        insertParkedFact("pl-" + s + "-parked", "88.80");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection staffCells = dataSource.getConnection()) {
            staffCells.setAutoCommit(false);
            try (Statement st = staffCells.createStatement()) {
                st.execute("LOCK TABLE kpi_staff_cell IN ROW EXCLUSIVE MODE");
            }
            Future<?> rebuild = pool.submit(rollups::rebuild);
            awaitWaiter("kpi_staff_cell");
            Future<Integer> retry = pool.submit(rollups::retryParked);
            awaitWaiter("measure_fact");
            staffCells.commit();
            rebuild.get(60, TimeUnit.SECONDS);
            retry.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        String mine = "pl-" + s + "-%";
        assertEquals(0, scalar("SELECT count(*) FROM measure_fact WHERE source_id LIKE ? AND parked", mine).intValue(),
                "the parked sale is applied once its unit is known");
        assertEquals(new BigDecimal("88.80"), scalar("SELECT numerator FROM kpi_cell WHERE kpi_code = 'SALES_AMOUNT'"
                + " AND period_type = 'YEAR' AND period_key = '2026' AND org_unit = ?", hq));
    }

    /** Waits until a transaction queues for a lock on {@code table}. */
    private void awaitWaiter(String table) {
        Fixtures.await("a lock wait on " + table, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM pg_locks l JOIN pg_class t ON t.oid = l.relation"
                            + " WHERE t.relname = ? AND NOT l.granted")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void insertParkedFact(String sourceId, String amount) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO measure_fact (source_id, kpi_code, source_type, org_unit, staff_id, occurred_at,"
                        + " numerator, denominator, parked, park_reason) VALUES (?, 'SALES_AMOUNT', 'sales.recorded',"
                        + " ?, 's-1', '2026-06-01 10:00:00+08', ?::numeric, 0, TRUE, ?)")) {
            ps.setString(1, sourceId);
            ps.setString(2, branch);
            ps.setString(3, amount);
            ps.setString(4, "unknown org unit: " + branch);
            ps.executeUpdate();
        }
    }

    private BigDecimal scalar(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
