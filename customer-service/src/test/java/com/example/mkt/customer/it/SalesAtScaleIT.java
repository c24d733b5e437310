package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.customer.sales.SalesConsumer;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.example.mkt.testinfra.StatementStats.StepCost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch of 500 sales costs the same whether the service holds no sales yet or 500,000 of 5,000 customers: purchase
 * figures, tiers, VIP, lifecycle and scores come from running aggregates changed by the batch's deltas, and the only
 * per-sale lookup (the VIP window's large purchases) is bounded by the window. The history is seeded straight into
 * the tables (generate_series), five years of it with large purchases and refunds, and the customers' figures are
 * rebuilt from it in SQL so that the aggregates agree with the rows. Each measured batch holds what a real one does:
 * sales to known customers (some large), refunds of the previous batch's sales, new prospects by external reference
 * (two sales each), duplicates inside the batch and replays of the previous batch.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesAtScaleIT {

    private static final int BATCH = 500;
    private static final int CUSTOMERS = 5_000;
    private static final int SALES_PER_STEP = 100_000;
    private static final int STEPS = 5;
    private static final int REFUNDS = 10;
    private static final int PROSPECTS = 5;
    private static final int DUPLICATES = 5;

    @Inject
    SalesConsumer consumer;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String run = "H" + Fixtures.RUN + System.nanoTime() % 100_000;
    private final List<String[]> previous = new ArrayList<>(); // eventId, customer id, envelope of the last batch
    private int sent;

    @Test
    void aBatchCostsTheSameFromNoHistoryToHalfAMillionSales() throws Exception {
        Fixtures.orgTree(directory);
        execute("INSERT INTO customer (id, type, name, name_key, status, org_unit, salesperson, external_ref, "
                + "created_at, updated_at) SELECT ? || g, 'INDIVIDUAL', 'seed ' || g, customer_search_key('seed ' || g),"
                + " 'ACTIVE', ?, 's-042', ? || g, now(), now() FROM generate_series(0, ? - 1) g",
                run + "-", NANCHANG, "R" + run + "-", CUSTOMERS);
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        batch(stats, CUSTOMERS - BATCH); // warms up the statements; its sales are the next batch's to refund
        List<StepCost> costs = new ArrayList<>();
        List<Long> history = new ArrayList<>();
        for (int step = 0; step <= STEPS; step++) {
            if (step > 0) {
                long seeding = System.nanoTime();
                seedHistory(step);
                System.out.printf("SalesAtScaleIT: history step %d seeded in %.1f s%n", step,
                        (System.nanoTime() - seeding) / 1e9);
            }
            history.add(count("SELECT count(*) FROM customer_sale"));
            costs.add(batch(stats, step * BATCH));
        }
        StringBuilder report = new StringBuilder("SalesAtScaleIT: per batch of " + BATCH + " sales\n");
        for (int i = 0; i < costs.size(); i++) {
            StepCost c = costs.get(i);
            report.append(String.format("  %,9d stored sales: %2d statements, %,6d rows, %,7d buffers, heap %d MB%n",
                    history.get(i), c.statements(), c.rows(), c.blocks(), c.heapMb()));
        }
        StepCost first = costs.get(0);
        StepCost last = costs.get(costs.size() - 1);
        System.out.print(report + "first:\n" + first.top() + "\nlast:\n" + last.top() + "\n");
        assertTrue(history.get(history.size() - 1) >= STEPS * SALES_PER_STEP, "history " + history);
        for (StepCost c : costs) {
            assertTrue(c.statements() <= 20, "statements per batch: " + c.statements() + "\n" + c.top());
        }
        assertTrue(last.statements() * 2 <= first.statements() * 3, report + last.top());
        assertTrue(last.rows() * 2 <= first.rows() * 3, report + "\n" + first.top() + "\n" + last.top());
        assertTrue(last.blocks() * 2 <= first.blocks() * 3, report + "\n" + first.top() + "\n" + last.top());
        assertTrue(last.heapMb() <= first.heapMb() + 32, report.toString());
    }

    /**
     * Every purchase updates its customer's figures row; an index on a column that update changes (last_purchase_at
     * had one, read by no query) makes PostgreSQL write every index of the table again instead of updating the row
     * in place on its page. Only the customer id may be indexed.
     */
    @Test
    void figuresRowsStayUpdatableInPlace() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT i.indexrelid::regclass::text, a.attname FROM pg_index i"
                     + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                     + " WHERE i.indrelid = 'customer_stats'::regclass")) {
            List<String> indexed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexed.add(rs.getString(1) + "(" + rs.getString(2) + ")");
                }
            }
            assertEquals(List.of("customer_stats_pkey(customer_id)"), indexed);
        }
    }

    /**
     * 500 records for the customers {@code from .. from + 469}: 470 sales (every 50th a large one), refunds of the
     * previous batch's first sales, two sales each to new prospects, the same sale twice in new envelopes, and
     * replays of the previous batch.
     */
    private StepCost batch(StatementStats stats, int from) {
        Map<String, String> records = new LinkedHashMap<>();
        List<String[]> sales = new ArrayList<>();
        int known = BATCH - REFUNDS - 2 * PROSPECTS - 2 * DUPLICATES;
        for (int i = 0; i < known; i++) {
            String customer = run + "-" + (from + i);
            String amount = i % 50 == 7 ? "12000.00" : (20 + i % 300) + ".50";
            sales.add(add(records, Fixtures.sale(next(), "SALE", Map.of("id", customer), NANCHANG, amount), customer));
        }
        for (int i = 0; i < REFUNDS && i < previous.size(); i++) {
            Map<String, Object> refund = Fixtures.sale(next(), "REFUND", Map.of("id", previous.get(i)[1]), NANCHANG,
                    "-10.00");
            refund.put("refundOf", previous.get(i)[0]);
            add(records, refund, previous.get(i)[1]);
        }
        for (int i = 0; i < 2 * PROSPECTS; i++) {
            String ref = "NEW-" + run + "-" + from + "-" + i / 2;
            add(records, Fixtures.sale(next(), "SALE", Map.of("externalRef", ref), NANCHANG, "99.00"), ref);
        }
        for (int i = 0; i < DUPLICATES; i++) {
            String[] again = sales.get(i);
            records.put("dup-" + again[0], Fixtures.envelope("/pos-system", "sales.recorded", again[1],
                    Fixtures.read(again[2]).path("data")));
        }
        for (int i = 0; i < DUPLICATES && i < previous.size(); i++) {
            records.put("replay-" + previous.get(previous.size() - 1 - i)[0], previous.get(previous.size() - 1 - i)[2]);
        }
        while (records.size() < BATCH) {
            String customer = run + "-" + (from + records.size() % known);
            add(records, Fixtures.sale(next(), "SALE", Map.of("id", customer), NANCHANG, "1.00"), customer);
        }
        StepCost cost = stats.measure(() -> consumer.onBatch(StatementStats.batch("sales.events", records)),
                StatementStats::notBackground);
        previous.clear();
        previous.addAll(sales);
        return cost;
    }

    private String next() {
        return "CS-" + run + "-" + sent++;
    }

    private static String[] add(Map<String, String> records, Map<String, Object> sale, String subject) {
        String eventId = (String) sale.get("eventId");
        String envelope = Fixtures.envelope("/pos-system", "sales.recorded", subject, sale);
        records.put(eventId, envelope);
        return new String[] { eventId, subject, envelope };
    }

    /**
     * 100,000 more stored sales of the 5,000 customers over five years (one in 97 of 12,000.00, one in 40 followed by a
     * refund of 10.00 an hour later), then every customer's figures rebuilt from the stored rows, as the consumer
     * would have left them: refunds in their sale's month, months older than the 25 kept ones dropped.
     */
    private void seedHistory(int step) throws Exception {
        String prefix = "SEED-" + run + "-" + step + "-";
        execute("INSERT INTO customer_sale (event_id, customer_id, kind, occurred_at, amount, salesperson, org_unit)"
                + " SELECT ? || g, ? || (g % ?), 'SALE', now() - ((g * 7919) % 1800 + 1) * interval '1 day'"
                + " - (g % 1440) * interval '1 minute', CASE WHEN g % 97 = 0 THEN 12000.00 ELSE 20 + g % 500 END,"
                + " 's-042', ? FROM generate_series(0, ? - 1) g",
                prefix, run + "-", CUSTOMERS, NANCHANG, SALES_PER_STEP * 39 / 40);
        execute("INSERT INTO customer_sale (event_id, customer_id, kind, occurred_at, amount, refund_of, salesperson,"
                + " org_unit) SELECT 'RF-' || s.event_id, s.customer_id, 'REFUND', s.occurred_at + interval '1 hour',"
                + " 10.00, s.event_id, 's-042', s.org_unit FROM customer_sale s WHERE s.event_id LIKE ?"
                + " AND substr(s.event_id, ?)::int % 39 = 0",
                prefix + "%", prefix.length() + 1);
        execute("DELETE FROM customer_stats WHERE customer_id LIKE ?", run + "-%");
        execute(REBUILD_STATS, run + "-%");
        execute("ANALYZE customer_sale");
        execute("ANALYZE customer_stats");
    }

    /** PurchaseStats as SQL: the test's own account of what the running figures must hold. */
    static final String REBUILD_STATS = "WITH s AS (SELECT x.customer_id, x.kind, x.amount, x.occurred_at,"
            + " to_char(coalesce(o.occurred_at, x.occurred_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month"
            + " FROM customer_sale x LEFT JOIN customer_sale o ON x.kind = 'REFUND' AND o.event_id = x.refund_of"
            + " AND o.kind = 'SALE' WHERE x.customer_id LIKE ?),"
            + " m AS (SELECT customer_id, month, sum(CASE WHEN kind = 'SALE' THEN amount ELSE -amount END) AS spend,"
            + " count(*) FILTER (WHERE kind = 'SALE') AS orders FROM s WHERE month >= to_char((now() AT TIME ZONE"
            + " 'Asia/Shanghai') - interval '24 months', 'YYYY-MM') GROUP BY 1, 2),"
            // one pass over the months per customer: a subquery per customer scanned every customer's months again
            + " j AS (SELECT customer_id, jsonb_object_agg(month, spend::text) AS spend,"
            + " jsonb_object_agg(month, orders) FILTER (WHERE orders > 0) AS orders FROM m GROUP BY 1),"
            + " t AS (SELECT customer_id, min(occurred_at) FILTER (WHERE kind = 'SALE') AS first,"
            + " max(occurred_at) FILTER (WHERE kind = 'SALE') AS last, count(*) FILTER (WHERE kind = 'SALE') AS orders,"
            + " count(*) FILTER (WHERE kind = 'REFUND') AS refunds,"
            + " sum(CASE WHEN kind = 'SALE' THEN amount ELSE -amount END) AS lifetime FROM s GROUP BY 1),"
            // the sale before the last one, by time, without an index by customer: the second latest time of each
            + " p AS (SELECT customer_id, max(occurred_at) FILTER (WHERE r = 2) AS prior FROM (SELECT customer_id,"
            + " occurred_at, dense_rank() OVER (PARTITION BY customer_id ORDER BY occurred_at DESC) AS r FROM s"
            + " WHERE kind = 'SALE') d GROUP BY 1)"
            + " INSERT INTO customer_stats (customer_id, first_purchase_at, last_purchase_at, prior_purchase_at,"
            + " order_count, refund_count, lifetime_spend, spend_by_month, orders_by_month, updated_at)"
            + " SELECT t.customer_id, t.first, t.last, p.prior, t.orders,"
            + " t.refunds, t.lifetime, coalesce(j.spend, '{}'), coalesce(j.orders, '{}'), now()"
            + " FROM t LEFT JOIN j ON j.customer_id = t.customer_id LEFT JOIN p ON p.customer_id = t.customer_id";

    private void execute(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
