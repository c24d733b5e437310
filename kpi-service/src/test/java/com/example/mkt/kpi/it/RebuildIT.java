package com.example.mkt.kpi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.rollup.RollupService;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rebuild recomputes every cell from the stored facts across several chunks of facts: damaged cells are repaired,
 * cells nothing sums to are removed, facts parked for a unit that has arrived are unparked, and one kpi.measured (with
 * the achievement and threshold events it implies) is published per cell that changed, none for a cell that did not.
 * The whole outcome is printed as a digest (codes without this run's suffix) so two implementations can be compared.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RebuildIT {

    @Inject
    RollupService rollups;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String s = Fixtures.suffix();
    private final String hq = "HQ-RB" + s;
    private final String region = "R-RB" + s;
    private final List<String> branches = List.of("B0-RB" + s, "B1-RB" + s, "B2-RB" + s);

    @Test
    void repairsCellsAndPublishesOnlyWhatChanged() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, hq, "总部", "HQ", null);
            Fixtures.unit(kafka, region, "江西省区", "REGION", hq);
            for (String b : branches) {
                Fixtures.unit(kafka, b, "分公司" + b, "BRANCH", region);
            }
        }
        Fixtures.await("org tree", () -> directory.subtree(region).containsAll(branches));
        seedFacts();
        StringBuilder digest = new StringBuilder();
        RollupService.RebuildResult first = rollups.rebuild();
        digest.append("first ").append(first).append('\n');
        String cellsAfterFirst = cells();
        assertEquals(1, count("SELECT count(*) FROM measure_fact WHERE source_id LIKE ? AND parked", "rb-" + s + "%"),
                "the fact of the unit that never came stays parked");

        damage();
        long outboxBefore = count("SELECT coalesce(max(id), 0) FROM eventing_outbox WHERE id > ?", -1L);
        RollupService.RebuildResult second = rollups.rebuild();
        digest.append("second ").append(second).append('\n');
        List<String> events = eventsSince(outboxBefore);
        events.forEach(e -> digest.append(e).append('\n'));
        String cellsAfterSecond = cells();
        digest.append(cellsAfterSecond).append(staffCells());
        System.out.println("RebuildIT digest:\n" + digest.toString().replace(s, "~"));

        assertEquals(cellsAfterFirst, cellsAfterSecond, "the damage is repaired to what the facts sum to");
        assertFalse(cellsAfterSecond.contains("|2023|"), "a cell no fact sums to is removed");
        // the refund came the day after the sale: the two days keep +300 and -300, every coarser period nothing
        assertFalse(cellsAfterSecond.replaceAll("\\|2024-03-0[56]\\|DAY\\|", "").contains("|2024"),
                "a sale and its refund leave no cell but their days'");
        assertTrue(cellsAfterSecond.contains("|SALES_AMOUNT|" + hq + "|2024-03-06|DAY|2024-03-06|-300.00|"),
                cellsAfterSecond);
        assertEquals(facts("SALES_AMOUNT", "2026"), cell(hq, "SALES_AMOUNT", "2026"));
        // day cells are rebuilt like the others: a Shanghai day's facts, and a lost one is repaired and announced
        assertEquals(facts("SALES_AMOUNT", "YYYY-MM-DD", "2025-12-20"), cell(hq, "SALES_AMOUNT", "2025-12-20"));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("kpi.measured SALES_AMOUNT:" + branches.get(1)
                + ":2025-12-20 ")), String.join("\n", events));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("kpi.measured " + "SALES_AMOUNT:" + hq + ":2026 ")),
                String.join("\n", events));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("kpi.measured TARGET_ACHIEVEMENT_RATE:" + hq + ":2026 ")),
                String.join("\n", events));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("kpi-threshold.crossed SALES_AMOUNT:" + hq + ":2026 ")),
                String.join("\n", events));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("kpi.measured SALES_AMOUNT:" + branches.get(2) + ":2023 ")
                && e.contains("\"numerator\":\"0\"")), String.join("\n", events));
        assertTrue(events.stream().noneMatch(e -> e.contains(":2022")), "a 0/0 cell goes without an event");
        assertTrue(events.stream().noneMatch(e -> e.contains("SALES_AMOUNT:" + region + ":")),
                "the region's cells were not damaged");
    }

    /** Parked facts, a sale and its refund, 2,600 sales over three branches and the turn of the year, ratio facts. */
    private void seedFacts() throws Exception {
        String insert = "INSERT INTO measure_fact (source_id, kpi_code, source_type, org_unit, staff_id, occurred_at,"
                + " numerator, denominator, parked, park_reason) ";
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            String p = "'rb-" + s + "-";
            String units = "(ARRAY['" + String.join("','", branches) + "'])";
            // the parked facts first: the sales fill their page after them, so the rebuild that unparks them
            // writes the new row versions on a later page, one it has still to read
            st.executeUpdate(insert + "VALUES (" + p + "sale', 'SALES_AMOUNT', 'sales.recorded', '" + branches.get(2)
                    + "', 's-9', '2024-03-05 10:00:00+08', 300.00, 0, false, NULL), (" + p + "refund', 'SALES_AMOUNT',"
                    + " 'sales.recorded', '" + branches.get(2) + "', 's-9', '2024-03-06 10:00:00+08', -300.00, 0, false,"
                    + " NULL), (" + p + "parked', 'SALES_AMOUNT', 'sales.recorded', '" + branches.get(0) + "', 's-2',"
                    + " '2026-02-02 10:00:00+08', 77.70, 0, true, 'unknown org unit'), (" + p + "nowhere',"
                    + " 'SALES_AMOUNT', 'sales.recorded', 'NOWHERE-RB" + s + "', 's-2', '2026-02-02 10:00:00+08',"
                    + " 12.30, 0, true, 'unknown org unit'), (" + p + "odd', 'NO_SUCH_KPI', 'sales.recorded', '"
                    + branches.get(0) + "', NULL, '2026-02-02 10:00:00+08', 1, 0, false, NULL)");
            st.executeUpdate(insert + "SELECT " + p + "s' || g, 'SALES_AMOUNT', 'sales.recorded', " + units
                    + "[1 + g % 3], 's-' || (g % 7), timestamptz '2025-12-20 09:00:00+08' + g * interval '97 minutes',"
                    + " 500.10 + (g % 9), 0, false, NULL FROM generate_series(1, 2600) g");
            st.executeUpdate(insert + "SELECT " + p + "f' || g, 'FOLLOW_UP_COMPLETION_RATE', 'customer.events', "
                    + units + "[1 + g % 2], 's-1', timestamptz '2026-03-01 10:00:00+08' + g * interval '1 day',"
                    + " g % 2, 1, false, NULL FROM generate_series(1, 30) g");
        }
    }

    /** HQ's cells zeroed, one branch cell (and one day cell) lost, a cell no fact sums to, an empty one, a staff cell off; a target. */
    private void damage() throws Exception {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE kpi_cell SET numerator = 0 WHERE org_unit = '" + hq + "'");
            st.executeUpdate("DELETE FROM kpi_cell WHERE org_unit = '" + branches.get(1) + "' AND period_key = '2026-02'"
                    + " AND kpi_code = 'SALES_AMOUNT'");
            st.executeUpdate("DELETE FROM kpi_cell WHERE org_unit = '" + branches.get(1) + "'"
                    + " AND period_key = '2025-12-20' AND kpi_code = 'SALES_AMOUNT'");
            st.executeUpdate("UPDATE kpi_cell SET denominator = denominator + 1 WHERE org_unit = '" + branches.get(0)
                    + "' AND kpi_code = 'FOLLOW_UP_COMPLETION_RATE' AND period_key = '2026'");
            st.executeUpdate("INSERT INTO kpi_cell VALUES ('SALES_AMOUNT', '" + branches.get(2) + "', '2023', 'YEAR',"
                    + " '2023-01-01', 55.50, 0, now()), ('SALES_AMOUNT', '" + branches.get(2) + "', '2022', 'YEAR',"
                    + " '2022-01-01', 0, 0, now())");
            st.executeUpdate("UPDATE kpi_staff_cell SET numerator = numerator + 1 WHERE org_unit = '" + branches.get(0)
                    + "' AND staff_id = 's-2'");
            st.executeUpdate("INSERT INTO kpi_target VALUES ('t-rb-" + s + "', 'SALES_AMOUNT', '" + hq + "', '2026',"
                    + " 'YEAR', '2026-01-01', '2026-12-31', 1000000.00, 0, now(), now(), 'it')");
        }
    }

    private String cells() throws Exception {
        return rows("SELECT kpi_code, org_unit, period_key, period_type, period_start, numerator, denominator"
                + " FROM kpi_cell WHERE org_unit LIKE ? ORDER BY 1, 2, 3");
    }

    private String staffCells() throws Exception {
        return rows("SELECT kpi_code, staff_id, org_unit, period_key, period_type, period_start, numerator, denominator"
                + " FROM kpi_staff_cell WHERE org_unit LIKE ? ORDER BY 1, 2, 3, 4");
    }

    private String rows(String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "%-RB" + s);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        out.append('|').append(rs.getString(i));
                    }
                    out.append("|\n");
                }
            }
        }
        return out.toString();
    }

    /** Each event's type, key and data (without its asOf), in outbox order. */
    private List<String> eventsSince(long id) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_type, event_key, payload FROM eventing_outbox WHERE id > ? AND event_key LIKE ?"
                        + " ORDER BY id")) {
            ps.setLong(1, id);
            ps.setString(2, "%-RB" + s + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode data = Fixtures.JSON.readTree(rs.getString(3)).path("data");
                    ((ObjectNode) data).remove("asOf");
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + data);
                }
            }
        }
        return out;
    }

    private String cell(String unit, String kpi, String period) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT numerator FROM kpi_cell WHERE org_unit = ? AND kpi_code = ? AND period_key = ?")) {
            ps.setString(1, unit);
            ps.setString(2, kpi);
            ps.setString(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1).toPlainString() : null;
            }
        }
    }

    private String facts(String kpi, String year) throws Exception {
        return facts(kpi, "YYYY", year);
    }

    /** The facts whose instant, formatted in Shanghai by {@code format} (a year, a day), is {@code period}. */
    private String facts(String kpi, String format, String period) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT sum(numerator) FROM measure_fact WHERE source_id LIKE ? AND kpi_code = ? AND NOT parked"
                        + " AND to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', ?) = ?")) {
            ps.setString(1, "rb-" + s + "%");
            ps.setString(2, kpi);
            ps.setString(3, format);
            ps.setString(4, period);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1).toPlainString();
            }
        }
    }

    private long count(String sql, Object param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
