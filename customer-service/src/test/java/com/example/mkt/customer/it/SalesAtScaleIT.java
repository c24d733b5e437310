package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.customer.sales.SalesConsumer;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch of 500 sales costs the same whether its 500 customers bought nothing before or 1,000 times each (500,000
 * stored sales in the VIP window): the VIP rule reads only the purchases that can qualify alone, the monthly totals
 * come from the running figures. (It read every sale of the window, 1,000 a customer here, on every batch.)
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesAtScaleIT {

    private static final int BATCH = 500;

    @Inject
    SalesConsumer consumer;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String run = Fixtures.RUN + "-" + System.nanoTime();
    private int sent;

    @Test
    void aBatchCostsTheSameAtAnyHistory() throws Exception {
        Fixtures.orgTree(directory);
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        batch(stats); // creates the 500 customers as prospects
        batch(stats);
        StatementStats.StepCost empty = batch(stats);
        seed(500_000);
        batch(stats);
        StatementStats.StepCost full = batch(stats);
        System.out.printf("SalesAtScaleIT: per batch of %d sales%n  little history: %s%n  500,000 sales:  %s%n", BATCH,
                empty, full);
        assertTrue(full.statements() <= 20, "statements per batch: " + full.statements() + "\n" + full.top());
        assertEquals(empty.statements(), full.statements(), full.top());
        assertTrue(full.rows() <= empty.rows() * 3 / 2, "rows " + empty.rows() + " -> " + full.rows() + "\n"
                + full.top());
        assertTrue(full.blocks() <= empty.blocks() * 3 / 2, "buffers " + empty.blocks() + " -> " + full.blocks()
                + "\n" + full.top());
        assertTrue(full.heapMb() <= empty.heapMb() + 48, "heap " + empty.heapMb() + " -> " + full.heapMb() + " MB");
    }

    /** 500 sales, one to each of the run's 500 customers (by external reference), the last 5 of them refunds. */
    private StatementStats.StepCost batch(StatementStats stats) {
        Map<String, String> records = new java.util.LinkedHashMap<>();
        for (int i = 0; i < BATCH; i++) {
            String id = "CS-" + run + "-" + sent++;
            boolean refund = i >= BATCH - 5 && sent > BATCH;
            // a refund takes back part of a sale of the previous batch, to that sale's customer
            int customer = refund ? i - 400 : i;
            Map<String, Object> sale = Fixtures.sale(id, refund ? "REFUND" : "SALE",
                    Map.of("externalRef", "REF-" + run + "-" + customer), NANCHANG,
                    refund ? "-10.00" : (20 + i % 300) + ".50");
            if (refund) {
                sale.put("refundOf", "CS-" + run + "-" + (sent - 1 - BATCH - 400));
            }
            records.put(id, Fixtures.envelope("/pos-system", "sales.recorded", id, sale));
        }
        return stats.measure(() -> consumer.onBatch(StatementStats.batch("sales.events", records)),
                StatementStats::notBackground);
    }

    /** A thousand earlier purchases for each of the run's customers, inside the VIP window, straight into the table. */
    private void seed(int sales) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO customer_sale (event_id, customer_id, kind, occurred_at, amount, refund_of, salesperson,"
                        + " org_unit) SELECT 'seed-' || ? || '-' || g, k.id, 'SALE', now() - (g % 300) * interval '1 day',"
                        + " 50.00, NULL, 's-042', k.org_unit FROM generate_series(0, ? - 1) g"
                        + " JOIN (SELECT id, org_unit, row_number() OVER (ORDER BY id) - 1 AS n FROM customer"
                        + " WHERE external_ref LIKE ?) k ON k.n = g % 500")) {
            ps.setString(1, run);
            ps.setInt(2, sales);
            ps.setString(3, "REF-" + run + "-%");
            assertEquals(sales, ps.executeUpdate());
        }
    }
}
