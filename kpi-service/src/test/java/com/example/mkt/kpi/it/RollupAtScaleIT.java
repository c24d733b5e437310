package com.example.mkt.kpi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.sales.SalesConsumer;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch of 500 sales costs the same number of statements, about the same rows and buffers and no more heap whether
 * kpi-service holds no facts or 500,000: facts are inserted, cells moved by deltas, nothing re-read. The history grows
 * in steps, each seeded with its facts and the unit and staff cells they sum to (as a rebuild would leave them), so
 * the measured batches upsert into cells that already exist, as they do in production.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RollupAtScaleIT {

    private static final int BATCH = 500;
    private static final int[] HISTORY = {0, 100_000, 250_000, 500_000};

    @Inject
    SalesConsumer consumer;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String s = Fixtures.suffix();
    private final List<String> branches = new ArrayList<>();
    private String hq;
    private String region;
    private int sent;
    /** Each batch's time in the consumer, printed only (the machine decides it, the statements above do not). */
    private final List<Double> batchMillis = new ArrayList<>();

    @Test
    void aBatchCostsTheSameAtAnyHistory() throws Exception {
        hq = "HQ-S" + s;
        region = "R-S" + s;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, hq, "总部", "HQ", null);
            Fixtures.unit(kafka, region, "江西省区", "REGION", hq);
            for (int i = 0; i < 11; i++) {
                branches.add("B" + i + "-S" + s);
                Fixtures.unit(kafka, branches.get(i), "分公司" + i, "BRANCH", region);
            }
        }
        // the replica the rollup reads its tree from (org_unit_ref)
        Fixtures.await("org tree", () -> directory.subtree(region).containsAll(branches));
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        batch(stats); // warm-up: first statements planned, classes loaded
        List<StatementStats.StepCost> costs = new ArrayList<>();
        int seeded = 0;
        for (int history : HISTORY) {
            seed(seeded, history);
            seeded = history;
            batch(stats);
            // Two measured batches, the cheaper one kept: the service's scheduled jobs (parked facts every 30 s) read
            // the org tree with the very statement a batch uses, and one landing in a window made it 7 instead of 6.
            StatementStats.StepCost one = batch(stats);
            StatementStats.StepCost two = batch(stats);
            costs.add(one.statements() <= two.statements() ? one : two);
        }
        StringBuilder report = new StringBuilder("RollupAtScaleIT: per batch of " + BATCH + " sales\n");
        for (int i = 0; i < HISTORY.length; i++) {
            StatementStats.StepCost c = costs.get(i);
            report.append(String.format("  %,7d facts: %d statements, %,d rows, %,d buffers, heap %d MB%n", HISTORY[i],
                    c.statements(), c.rows(), c.blocks(), c.heapMb()));
        }
        System.out.print(report);
        System.out.println("  consumer time per batch (ms, warm-up first): " + batchMillis.stream()
                .map(ms -> String.format("%.1f", ms)).collect(java.util.stream.Collectors.joining(" ")));
        System.out.println("  at 500,000 facts:\n" + costs.get(costs.size() - 1).top());
        StatementStats.StepCost first = costs.get(0);
        for (StatementStats.StepCost c : costs) {
            assertTrue(c.statements() <= 20, "statements per batch: " + c.statements() + "\n" + c.top());
            assertEquals(first.statements(), c.statements(), report + c.top());
            assertTrue(c.rows() <= first.rows() * 3 / 2, report.toString());
            assertTrue(c.blocks() <= first.blocks() * 3 / 2, report + c.top());
            assertTrue(c.heapMb() <= first.heapMb() + 48, report.toString());
        }
        assertCellsSumTheFacts();
        assertReadsUseIndexes();
    }

    /**
     * The half million facts go once measured, even when the test failed: left in the database the module's later tests
     * share, they made SalesRollupIT's rebuild (through the API, within 30 s) recompute them all and, with the day
     * grain, as many staff day cells (this seed gives every fact its own staff, unit and day).
     */
    @org.junit.jupiter.api.AfterEach
    void forgetTheHistory() throws Exception {
        if (hq == null) {
            return;
        }
        List<String> units = new ArrayList<>(branches);
        units.add(region);
        units.add(hq);
        try (var c = dataSource.getConnection()) {
            java.sql.Array array = c.createArrayOf("text", units.toArray());
            for (String table : List.of("measure_fact", "kpi_cell", "kpi_staff_cell")) {
                try (var ps = c.prepareStatement("DELETE FROM " + table + " WHERE org_unit = ANY(?)")) {
                    ps.setArray(1, array);
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * The read paths of cells, subtrees, staff rankings and the batch's target lookup, as their stores write them,
     * planned against the full history: each one an index lookup, none a scan of a table that grows with history.
     */
    private void assertReadsUseIndexes() throws Exception {
        String units = "ARRAY['" + String.join("','", branches) + "']";
        List<String> reads = List.of(
                "SELECT period_key, numerator, denominator FROM kpi_cell WHERE kpi_code = 'SALES_AMOUNT'"
                        + " AND org_unit = '" + hq + "' AND period_type = 'MONTH'"
                        + " AND period_start BETWEEN date '2025-12-01' AND date '2026-11-01'",
                "SELECT org_unit, numerator, denominator FROM kpi_cell WHERE kpi_code = 'SALES_AMOUNT'"
                        + " AND period_key = '2026-05' AND org_unit = ANY(" + units + ")",
                // a chart series of days, and the targets of a unit and its descendants for it (derived targets)
                "SELECT period_key, numerator, denominator FROM kpi_cell WHERE kpi_code = 'SALES_AMOUNT'"
                        + " AND org_unit = '" + region + "' AND period_type = 'DAY'"
                        + " AND period_start BETWEEN date '2026-01-01' AND date '2027-02-04'",
                "SELECT period_key, org_unit, value FROM kpi_target WHERE kpi_code = 'SALES_AMOUNT'"
                        + " AND org_unit = ANY(" + units + ") AND period_type = 'DAY'"
                        + " AND period_start BETWEEN date '2026-01-01' AND date '2027-02-04'",
                "SELECT org_unit, value FROM kpi_target WHERE kpi_code = 'SALES_AMOUNT'"
                        + " AND period_key = '2026-11-30' AND org_unit = ANY(" + units + ")",
                "SELECT staff_id, sum(numerator), sum(denominator) FROM kpi_staff_cell WHERE kpi_code = 'SALES_AMOUNT'"
                        + " AND period_key = '2026-05' AND org_unit = ANY(" + units + ") GROUP BY staff_id",
                "SELECT kpi_code, staff_id, org_unit, numerator, denominator FROM kpi_staff_cell"
                        + " WHERE period_key = '2026-05'",
                "SELECT source_id FROM measure_fact WHERE (source_id, kpi_code) IN (SELECT * FROM"
                        + " unnest(ARRAY['seed-" + s + "-7'], ARRAY['SALES_AMOUNT']))",
                "SELECT seq FROM measure_fact WHERE parked ORDER BY seq LIMIT 1000");
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("ANALYZE measure_fact");
            st.execute("ANALYZE kpi_cell");
            st.execute("ANALYZE kpi_staff_cell");
            // What is asserted is that an index serves each read path. On a table still small (kpi_cell holds units
            // x periods, a few thousand rows here) the planner rightly prefers a sequential scan when the statistics
            // say so, which made this check depend on them; with sequential scans priced out, a plan still scanning
            // is one no index can serve.
            st.execute("SET enable_seqscan = off");
            try {
                for (String read : reads) {
                    StringBuilder plan = new StringBuilder();
                    try (java.sql.ResultSet rs = st.executeQuery("EXPLAIN " + read)) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    assertTrue(!plan.toString().contains("Seq Scan"), read + "\n" + plan);
                }
            } finally {
                st.execute("RESET enable_seqscan"); // the connection goes back to the pool
            }
        }
    }

    private StatementStats.StepCost batch(StatementStats stats) {
        Map<String, String> records = new java.util.LinkedHashMap<>();
        for (int i = 0; i < BATCH; i++) {
            String id = "K" + s + "-" + sent++;
            Map<String, Object> sale = Fixtures.sale(id, "SALE", "2026-11-" + (10 + i % 18) + "T10:00:00+08:00",
                    branches.get(i % branches.size()), (50 + i % 70) + ".10");
            sale.put("salesperson", "s-" + (i % 40));
            records.put(id, Fixtures.envelope("/pos-system", "sales.recorded", id, sale));
        }
        var polled = StatementStats.batch("sales.events", records);
        long[] nanos = new long[1];
        StatementStats.StepCost cost = stats.measure(() -> {
            long start = System.nanoTime();
            consumer.onBatch(polled);
            nanos[0] = System.nanoTime() - start;
        }, q -> StatementStats.notBackground(q) && !q.contains("WHERE parked AND"));
        batchMillis.add(nanos[0] / 1_000_000.0);
        return cost;
    }

    /**
     * Facts {@code from + 1 .. to} of past sales straight into the table, one a minute from November 2025 on, as months
     * of business would leave them, and the cells they add up to along the branch, region and HQ and the five grains.
     */
    private void seed(int from, int to) throws Exception {
        if (to <= from) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SEED)) {
            ps.setString(1, s);
            ps.setArray(2, c.createArrayOf("text", branches.toArray()));
            ps.setInt(3, from + 1);
            ps.setInt(4, to);
            ps.setString(5, region);
            ps.setString(6, hq);
            ps.executeUpdate();
        }
    }

    /**
     * One statement: the facts (parameters: this run's suffix, the branches, the first and last number), their day in
     * the business zone (Asia/Shanghai) and each grain's period key and start, then the unit cells along the branch,
     * region and HQ (parameters: the region, HQ) and the staff cells (day and month) they add to. The cells come from
     * the rows the insert returns: nothing is read back from the table, whatever it already holds.
     */
    private static final String SEED = """
            WITH f AS (INSERT INTO measure_fact (source_id, kpi_code, source_type, org_unit, staff_id, occurred_at,
                                                 numerator, denominator, parked)
                       SELECT 'seed-' || ? || '-' || g, 'SALES_AMOUNT', 'sales.recorded', (?::text[])[1 + g % 11],
                              's-' || (g % 200), timestamptz '2025-11-01 00:00:00+08' + g * interval '60 seconds',
                              100.00 + (g % 7), 0, false
                         FROM generate_series(?, ?) g
                       RETURNING org_unit, staff_id, numerator, (occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day),
                 g AS (SELECT f.*, t.type,
                              CASE t.type WHEN 'YEAR' THEN to_char(day, 'YYYY')
                                          WHEN 'QUARTER' THEN to_char(day, 'YYYY') || '-Q' || to_char(day, 'Q')
                                          WHEN 'MONTH' THEN to_char(day, 'YYYY-MM')
                                          WHEN 'WEEK' THEN to_char(day, 'IYYY') || '-W' || to_char(day, 'IW')
                                          ELSE to_char(day, 'YYYY-MM-DD') END AS period_key,
                              date_trunc(lower(t.type), day::timestamp)::date AS period_start
                         FROM f CROSS JOIN (VALUES ('YEAR'), ('QUARTER'), ('MONTH'), ('WEEK'), ('DAY')) AS t(type)),
                 cells AS (INSERT INTO kpi_cell (kpi_code, org_unit, period_key, period_type, period_start, numerator,
                                                 denominator, updated_at)
                           SELECT 'SALES_AMOUNT', u.unit, g.period_key, g.type, g.period_start, sum(g.numerator), 0,
                                  now()
                             FROM g CROSS JOIN LATERAL unnest(ARRAY[g.org_unit, ?, ?]) AS u(unit)
                            GROUP BY u.unit, g.period_key, g.type, g.period_start
                           ON CONFLICT (kpi_code, org_unit, period_key) DO UPDATE
                              SET numerator = kpi_cell.numerator + EXCLUDED.numerator)
            INSERT INTO kpi_staff_cell (kpi_code, staff_id, org_unit, period_key, period_type, period_start, numerator,
                                        denominator, updated_at)
            SELECT 'SALES_AMOUNT', g.staff_id, g.org_unit, g.period_key, g.type, g.period_start, sum(g.numerator), 0,
                   now()
              FROM g WHERE g.type IN ('MONTH', 'DAY')
             GROUP BY g.staff_id, g.org_unit, g.period_key, g.type, g.period_start
            ON CONFLICT (kpi_code, staff_id, org_unit, period_key) DO UPDATE
               SET numerator = kpi_staff_cell.numerator + EXCLUDED.numerator
            """;

    /** Seeds and batches together: HQ's year cells hold exactly the facts, and so do the staff cells. */
    private void assertCellsSumTheFacts() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT (SELECT sum(numerator) FROM measure_fact WHERE org_unit = ANY(?) AND NOT parked),
                       (SELECT sum(numerator) FROM kpi_cell WHERE org_unit = ? AND period_type = 'YEAR'),
                       (SELECT sum(numerator) FROM kpi_cell WHERE org_unit = ANY(?) AND period_type = 'WEEK'),
                       (SELECT sum(numerator) FROM kpi_staff_cell WHERE org_unit = ANY(?) AND period_type = 'MONTH')
                """)) {
            java.sql.Array units = c.createArrayOf("text", branches.toArray());
            ps.setArray(1, units);
            ps.setString(2, hq);
            ps.setArray(3, units);
            ps.setArray(4, units);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.math.BigDecimal facts = rs.getBigDecimal(1);
                for (int i = 2; i <= 4; i++) {
                    assertEquals(0, facts.compareTo(rs.getBigDecimal(i)), "column " + i + ": " + rs.getBigDecimal(i)
                            + " != facts " + facts);
                }
            }
        }
    }
}
