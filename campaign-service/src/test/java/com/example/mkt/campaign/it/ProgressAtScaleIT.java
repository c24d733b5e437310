package com.example.mkt.campaign.it;

import static com.example.mkt.campaign.it.Fixtures.GM;
import static com.example.mkt.campaign.it.Fixtures.PLANNER;
import static com.example.mkt.campaign.it.Fixtures.campaignBody;
import static com.example.mkt.campaign.it.Fixtures.create;
import static com.example.mkt.campaign.it.Fixtures.sale;
import static com.example.mkt.campaign.it.Fixtures.target;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.campaign.attribution.SalesConsumer;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.target.ProgressService;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch of 500 sales costs the same whether the campaign holds no contributions or 500,000: the same statements,
 * the same rows, about the same buffers, and no heap that grows with the history. (Progress was recomputed from
 * every contribution on each batch: 8 s of SQL per 1,000 sales at 230,000 rows, then OutOfMemoryError.)
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ProgressAtScaleIT {

    private static final int BRANCHES = 11;
    private static final int BATCH = 500;

    @Inject
    OrgDirectory directory;
    @Inject
    SalesConsumer consumer;
    @Inject
    DataSource dataSource;
    @Inject
    ProgressService progress;
    @Inject
    CampaignStore campaigns;

    private String sfx;
    private String code;
    private final List<String> branches = new ArrayList<>();
    private int sent;
    private BigDecimal expected = BigDecimal.ZERO;

    @Test
    void aBatchCostsTheSameAtAnyHistory() throws Exception {
        sfx = Fixtures.suffix();
        code = "SCALE-" + sfx;
        for (int i = 0; i < BRANCHES; i++) {
            branches.add("B-" + i + sfx);
        }
        Fixtures.tree(directory, "R-" + sfx, branches);
        String id = create(PLANNER, campaignBody(code, "HQ"));
        Fixtures.allocate(id, branches.stream().map(b -> target(b, "500000.00", "2000000.00")).toList());
        Fixtures.activate(id);

        StatementStats stats = StatementStats.ofQuarkusDatasource();
        batch(stats); // warms the code paths
        StatementStats.StepCost empty = batch(stats);
        seed(id, 0, 250_000);
        batch(stats);
        StatementStats.StepCost middle = batch(stats);
        seed(id, 250_000, 500_000);
        batch(stats);
        StatementStats.StepCost full = batch(stats);
        System.out.printf("ProgressAtScaleIT: per batch of %d sales%n  empty:   %s%n  250,000: %s%n  500,000: %s%n",
                BATCH, empty, middle, full);

        for (StatementStats.StepCost c : List.of(empty, middle, full)) {
            assertTrue(c.statements() <= 20, "statements per batch: " + c.statements() + "\n" + c.top());
        }
        // from 250,000 on the targets are reached and refunds make the batch look for their moment: that reads one
        // day per branch, whatever the history; from then on nothing may grow
        assertEquals(middle.statements(), full.statements(), "statements per batch\n" + full.top());
        assertTrue(full.rows() <= middle.rows() * 3 / 2, "rows per batch " + middle.rows() + " -> " + full.rows());
        assertTrue(full.blocks() <= middle.blocks() * 3 / 2,
                "buffers per batch " + middle.blocks() + " -> " + full.blocks() + "\n" + full.top());
        assertTrue(full.heapMb() <= empty.heapMb() + 48, "heap " + empty.heapMb() + " MB -> " + full.heapMb() + " MB");

        // exact to the cent: what the batches sent plus the seeded history (100.00 each)
        BigDecimal total = expected.add(new BigDecimal("100.00").multiply(BigDecimal.valueOf(500_000)));
        String shown = given().header("Authorization", GM).get("/api/v1/campaigns/" + id + "/progress").then()
                .statusCode(200).extract().path("total");
        assertEquals(total.setScale(2).toPlainString(), shown);
    }

    /** One batch of 500 sales (5 of them refunds of earlier ones) through the consumer, measured. */
    private StatementStats.StepCost batch(StatementStats stats) {
        Map<String, String> records = new java.util.LinkedHashMap<>();
        BigDecimal added = BigDecimal.ZERO;
        int start = sent;
        Instant base = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(sent);
        for (int i = 0; i < BATCH; i++) {
            String eventId = "S" + sfx + "-" + (sent++);
            boolean refund = i < 5 && start > 0;
            String branch = branches.get(i % BRANCHES);
            String amount = refund ? "30.00" : (37 + i % 50) + ".25";
            Map<String, Object> s = sale(eventId, refund ? "REFUND" : "SALE", base.plusSeconds(i).toString(),
                    "c" + (i % 5000), branch, "p" + (i % 200), code, "LAY", amount);
            if (refund) {
                // a sale of the previous batch in the same branch (never one of its refunds)
                s.put("refundOf", "S" + sfx + "-" + (start - BATCH + BRANCHES + i));
            }
            added = added.add(refund ? new BigDecimal(amount).negate() : new BigDecimal(amount));
            records.put(eventId, Fixtures.envelope("/pos-system", "sales.recorded", eventId, s));
        }
        StatementStats.StepCost cost = stats.measure(() -> consumer.onBatch(StatementStats.batch("sales.events",
                records)), ProgressAtScaleIT::ofTheBatch);
        expected = expected.add(added);
        return cost;
    }

    /** Leaves out what runs on its own meanwhile: the outbox relay, the scheduled jobs (the pilot watch). */
    private static boolean ofTheBatch(String query) {
        return StatementStats.notBackground(query) && !query.contains("pilot");
    }

    /** Contributions of 100.00 straight into the table (what years of sales would leave), then a rebuild. */
    private void seed(String campaignId, int from, int to) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO campaign_contribution (campaign_id, sale_event_id, kind, refund_of, branch, org_unit,"
                        + " salesperson, customer_id, occurred_at, amount, sub_window, recorded_at)"
                        + " SELECT ?, 'seed-' || g, 'SALE', NULL, (?::text[])[1 + g % 11], (?::text[])[1 + g % 11],"
                        + " 'p' || (g % 200), 'c' || (g % 5000),"
                        + " timestamptz '2026-05-01 00:00:00+08' + g * interval '20 seconds', 100.00, NULL, now()"
                        + " FROM generate_series(?, ?) g")) {
            ps.setString(1, campaignId);
            ps.setArray(2, c.createArrayOf("text", branches.toArray()));
            ps.setArray(3, c.createArrayOf("text", branches.toArray()));
            ps.setInt(4, from);
            ps.setInt(5, to - 1);
            ps.executeUpdate();
        }
        progress.rebuild(campaigns.find(campaignId).orElseThrow());
    }
}
