package com.example.mkt.kpi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.sales.SalesConsumer;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One batch mixing everything a batch can hold (sales and refunds on several units, around a day, month, year and ISO
 * week boundary in the business zone, a sale twice in the batch in two envelopes, a sale already applied by an earlier
 * batch, a contract, several salespeople) leaves every unit and staff cell at the value computed here independently,
 * from the sales sent, with java.time and the test's own tree, to the cent.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class MixedBatchIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    SalesConsumer consumer;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String s = Fixtures.suffix();
    private final String hq = "HQ-M" + s;
    private final String east = "R-E-M" + s;
    private final String west = "R-W-M" + s;
    private final String nc = "B-NC-M" + s;
    private final String jj = "B-JJ-M" + s;
    private final String cd = "B-CD-M" + s;
    /** The test's own picture of the tree: unit → its ancestors up to HQ. */
    private final Map<String, List<String>> lineage = Map.of(nc, List.of(nc, east, hq), jj, List.of(jj, east, hq),
            cd, List.of(cd, west, hq));

    /** Expected unit cells (unit|period) and staff cells (staff|unit|period) of SALES_AMOUNT. */
    private final Map<String, BigDecimal> cells = new TreeMap<>();
    private final Map<String, BigDecimal> staffCells = new TreeMap<>();
    private final Map<String, String> applied = new LinkedHashMap<>();

    @Test
    void aMixedBatchLeavesEveryCellAtTheIndependentlyComputedValue() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, hq, "总部", "HQ", null);
            Fixtures.unit(kafka, east, "华东大区", "REGION", hq);
            Fixtures.unit(kafka, west, "西部大区", "REGION", hq);
            Fixtures.unit(kafka, nc, "南昌分公司", "BRANCH", east);
            Fixtures.unit(kafka, jj, "九江分公司", "BRANCH", east);
            Fixtures.unit(kafka, cd, "成都分公司", "BRANCH", west);
        }
        Fixtures.await("org tree", () -> directory.subtree(hq).containsAll(List.of(nc, jj, cd)));

        List<String[]> earlier = List.of(
                sale("A1", "SALE", "2025-12-31T10:00:00+08:00", nc, "s-1", "1000.00"),
                sale("A2", "SALE", "2026-01-05T09:00:00+08:00", cd, "s-3", "250.25"));
        apply(earlier);

        List<String[]> mixed = new ArrayList<>();
        // the last half hour of 2025 in Shanghai: December, Q4 2025, 2025, ISO week 2026-W01 (Wednesday)
        mixed.add(sale("M1", "SALE", "2025-12-31T23:30:00+08:00", nc, "s-1", "120.10"));
        // 16:30Z on 31 December is 00:30 on 1 January 2026 in Shanghai
        mixed.add(sale("M2", "SALE", "2025-12-31T16:30:00Z", nc, "s-2", "80.05"));
        // Sunday 4 January 2026 is still ISO week 1; Monday 5 January starts week 2
        mixed.add(sale("M3", "SALE", "2026-01-04T21:00:00+08:00", jj, "s-2", "33.33"));
        mixed.add(sale("M4", "SALE", "2026-01-05T08:00:00+08:00", jj, "s-1", "0.01"));
        // a refund subtracts its absolute amount, whatever its sign
        // (from its original sale, found among the stored facts or earlier in the batch)
        mixed.add(refund("R1", "A1", "2026-01-06T10:00:00+08:00", nc, "s-1", "-20.00"));
        mixed.add(refund("R2", "A2", "2025-12-20T10:00:00+08:00", cd, "s-3", "15.50"));
        // a sale and its full refund in the same cells: nets to nothing there
        mixed.add(sale("M5", "SALE", "2026-02-10T10:00:00+08:00", cd, "s-4", "99.99"));
        mixed.add(refund("R3", "M5", "2026-02-11T10:00:00+08:00", cd, "s-4", "99.99"));
        // contract fulfilment is not sales amount
        mixed.add(sale("K1", "CONTRACT", "2026-01-07T10:00:00+08:00", nc, "s-1", "5000.00"));
        // a sale without a salesperson counts for its unit only
        mixed.add(sale("M6", "SALE", "2026-03-31T23:59:59+08:00", jj, null, "7.77"));
        // the same sale twice in this batch (two envelopes), and one the earlier batch already applied
        mixed.add(sale("M1", "SALE", "2025-12-31T23:30:00+08:00", nc, "s-1", "120.10"));
        mixed.add(sale("A1", "SALE", "2025-12-31T10:00:00+08:00", nc, "s-1", "1000.00"));
        StatementStats.StepCost cost = StatementStats.ofQuarkusDatasource().measure(() -> apply(mixed),
                q -> StatementStats.notBackground(q) && !q.contains("WHERE parked AND"));
        // printed so that a change to the batch's statements (e.g. derived targets in kpi.measured) can be compared
        System.out.printf("MixedBatchIT: one mixed batch = %d statements, %d rows%n%s%n", cost.statements(),
                cost.rows(), cost.top());
        assertTrue(cost.statements() <= 20, cost.top());

        assertEquals(cells, stored("SELECT org_unit, period_key, numerator FROM kpi_cell"
                + " WHERE kpi_code = 'SALES_AMOUNT' AND org_unit = ANY(?)", cells), "unit cells");
        assertEquals(staffCells, stored("SELECT staff_id || '|' || org_unit, period_key, numerator FROM kpi_staff_cell"
                + " WHERE kpi_code = 'SALES_AMOUNT' AND org_unit = ANY(?)", staffCells), "staff cells");
        // spot checks written out by hand, so that the computation above is checked too
        assertEquals(new BigDecimal("1120.10"), cells.get(nc + "|2025-12"));
        assertEquals(new BigDecimal("60.05"), cells.get(nc + "|2026-01"), "80.05 - 20.00");
        assertEquals(new BigDecimal("1233.48"), cells.get(hq + "|2026-W01"), "1000.00 + 120.10 + 80.05 + 33.33");
        assertEquals(new BigDecimal("1104.60"), cells.get(hq + "|2025-Q4"), "1000.00 + 120.10 - 15.50");
        assertEquals(new BigDecimal("250.25"), cells.get(west + "|2026-Q1"), "250.25 + 99.99 - 99.99");
    }

    /** A sale as the gateway publishes it, and what it adds to the expected cells if it is new. */
    private String[] sale(String id, String kind, String at, String unit, String staff, String amount) {
        String eventId = id + "-" + s;
        Map<String, Object> data = Fixtures.sale(eventId, kind, at, unit, amount);
        if (staff == null) {
            data.remove("salesperson");
        } else {
            data.put("salesperson", staff);
        }
        String envelope = Fixtures.envelope("/pos-system", "sales.recorded", "c-" + eventId, data);
        return new String[] {eventId, envelope, kind, at, unit, staff, amount};
    }

    private String[] refund(String id, String original, String at, String unit, String staff, String amount)
            throws Exception {
        String[] refund = sale(id, "REFUND", at, unit, staff, amount);
        var envelope = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(refund[1]);
        ((com.fasterxml.jackson.databind.node.ObjectNode) envelope.get("data")).put("refundOf", original + "-" + s);
        refund[1] = envelope.toString();
        return refund;
    }

    /** Sends a batch to the consumer as one poll; first the expected effect of the sales it has not seen. */
    private void apply(List<String[]> sales) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long offset = 0;
        for (String[] sale : sales) {
            records.add(new ConsumerRecord<>("sales.events", 0, offset++, "c-" + sale[0], sale[1]));
            if (applied.putIfAbsent(sale[0], sale[2]) == null && !sale[2].equals("CONTRACT")) {
                expect(sale[3], sale[4], sale[5], sale[2].equals("REFUND")
                        ? new BigDecimal(sale[6]).abs().negate() : new BigDecimal(sale[6]));
            }
        }
        consumer.onBatch(new ConsumerRecords<>(Map.of(new TopicPartition("sales.events", 0), records), Map.of()));
    }

    private void expect(String at, String unit, String staff, BigDecimal amount) {
        LocalDate day = OffsetDateTime.parse(at).atZoneSameInstant(SHANGHAI).toLocalDate();
        List<String> periods = List.of(Integer.toString(day.getYear()),
                day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR),
                String.format("%d-%02d", day.getYear(), day.getMonthValue()),
                String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                day.toString());
        for (String period : periods) {
            for (String u : lineage.get(unit)) {
                cells.merge(u + "|" + period, amount, BigDecimal::add);
            }
        }
        if (staff != null) {
            // staff cells are kept per month and per day only (StaffGrains)
            for (String period : List.of(periods.get(2), periods.get(4))) {
                staffCells.merge(staff + "|" + unit + "|" + period, amount, BigDecimal::add);
            }
        }
    }

    /** Stored cells of the test's units, keyed like the expected ones; a cell at zero that nothing created is absent. */
    private Map<String, BigDecimal> stored(String sql, Map<String, BigDecimal> expected) throws Exception {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", new String[] {hq, east, west, nc, jj, cd}));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
                }
            }
        }
        // a sale and its refund in one batch leave no cell behind: expected zeros need not be stored
        expected.entrySet().removeIf(e -> e.getValue().signum() == 0 && !out.containsKey(e.getKey()));
        return out;
    }
}
