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
 * kpi-service holds no facts or 500,000: facts are inserted, cells moved by deltas, nothing re-read.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RollupAtScaleIT {

    private static final int BATCH = 500;

    @Inject
    SalesConsumer consumer;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String s = Fixtures.suffix();
    private final List<String> branches = new ArrayList<>();
    private int sent;

    @Test
    void aBatchCostsTheSameAtAnyHistory() throws Exception {
        String hq = "HQ-S" + s;
        String region = "R-S" + s;
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
        batch(stats, BATCH);
        StatementStats.StepCost empty = batch(stats, BATCH);
        seed(500_000);
        batch(stats, BATCH);
        StatementStats.StepCost full = batch(stats, BATCH);
        System.out.printf("RollupAtScaleIT: per batch of %d sales%n  empty:   %s%n  500,000: %s%n", BATCH, empty, full);
        assertTrue(full.statements() <= 20, "statements per batch: " + full.statements() + "\n" + full.top());
        assertEquals(empty.statements(), full.statements(), full.top());
        assertTrue(full.rows() <= empty.rows() * 3 / 2, "rows " + empty.rows() + " -> " + full.rows());
        assertTrue(full.blocks() <= empty.blocks() * 3 / 2, "buffers " + empty.blocks() + " -> " + full.blocks()
                + "\n" + full.top());
        assertTrue(full.heapMb() <= empty.heapMb() + 48, "heap " + empty.heapMb() + " -> " + full.heapMb() + " MB");
    }

    private StatementStats.StepCost batch(StatementStats stats, int n) {
        Map<String, String> records = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = "K" + s + "-" + sent++;
            Map<String, Object> sale = Fixtures.sale(id, "SALE", "2026-11-" + (10 + i % 18) + "T10:00:00+08:00",
                    branches.get(i % branches.size()), (50 + i % 70) + ".10");
            records.put(id, Fixtures.envelope("/pos-system", "sales.recorded", id, sale));
        }
        return stats.measure(() -> consumer.onBatch(StatementStats.batch("sales.events", records)),
                StatementStats::notBackground);
    }

    /** Facts of past sales straight into the table, as months of business would leave them. */
    private void seed(int facts) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO measure_fact (source_id, kpi_code, source_type, org_unit, staff_id, occurred_at,"
                        + " numerator, denominator, parked) SELECT 'seed-' || ? || '-' || g, 'SALES_AMOUNT',"
                        + " 'sales.recorded', (?::text[])[1 + g % 11], 's-' || (g % 200),"
                        + " timestamptz '2025-11-01 00:00:00+08' + g * interval '60 seconds', 100.00, 1, false"
                        + " FROM generate_series(1, ?) g")) {
            ps.setString(1, s);
            ps.setArray(2, c.createArrayOf("text", branches.toArray()));
            ps.setInt(3, facts);
            ps.executeUpdate();
        }
    }
}
