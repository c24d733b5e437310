package com.example.mkt.campaign.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.testinfra.SharedInfra;

/**
 * V7 on a database as V6 left it: sales attributed before V6 have contributions but no campaign_sale row, so their
 * refunds found no original and were dead-lettered. Migrated forward, the ledger holds them (with what their refunds
 * took back), a row recorded since V6 is kept, and a refund of such a sale applies through the ledger's check, which
 * still refuses one taking back more than the sale has left.
 */
class CampaignSaleBackfillIT {

    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/eventing", "classpath:db/rest"};

    @Test
    void theLedgerIsBackfilledFromTheContributionsAndTheirRefundsApply() throws Exception {
        SharedInfra.Database db = SharedInfra.get().freshDatabase("campaign-sale-backfill");
        flyway(db).target("6").load().migrate();
        // S1 counted 120.00 for K1 and 80.00 for K2; S2 100.00 for K1, 30.00 of it refunded by R2 before V6; S3 was
        // read after V6 (500.00, of which its campaign counted 200.00)
        execute(db, "INSERT INTO campaign_contribution (campaign_id, sale_event_id, kind, refund_of, branch, org_unit,"
                + " occurred_at, amount, recorded_at) VALUES"
                + " ('K1', 'S1', 'SALE', NULL, 'B-1', 'B-1', now(), 120.00, now()),"
                + " ('K2', 'S1', 'SALE', NULL, 'B-1', 'B-1', now(), 80.00, now()),"
                + " ('K1', 'S2', 'SALE', NULL, 'B-1', 'B-1', now(), 100.00, now()),"
                + " ('K1', 'R2', 'REFUND', 'S2', 'B-1', 'B-1', now(), -30.00, now()),"
                + " ('K1', 'S3', 'SALE', NULL, 'B-1', 'B-1', now(), 200.00, now())");
        execute(db, "INSERT INTO campaign_sale (event_id, amount) VALUES ('S3', 500.00)");

        var result = flyway(db).load().migrate();
        assertTrue(result.migrations.stream().anyMatch(m -> m.version.equals("7")), "V7 applied");
        assertEquals(List.of("R2|30.00|S2|0.00", "S1|120.00|-|0.00", "S2|100.00|-|30.00", "S3|500.00|-|0.00"),
                query(db, "SELECT event_id || '|' || amount || '|' || coalesce(refund_of, '-') || '|' || refunded"
                        + " FROM campaign_sale ORDER BY event_id"));
        assertEquals(0, flyway(db).load().migrate().migrationsExecuted, "nothing left to apply");

        SaleLedger ledger = new SaleLedger(dataSource(db));
        Map<String, BigDecimal> originals = ledger.recordAndCheck(List.of(refund("R1", "S1")),
                Map.of("R1", new BigDecimal("120.00")));
        assertEquals(0, new BigDecimal("120.00").compareTo(originals.get("S1")), "the original is found");
        PoisonEventException more = assertThrows(PoisonEventException.class, () -> ledger.recordAndCheck(
                List.of(refund("R3", "S2")), Map.of("R3", new BigDecimal("80.00"))));
        assertTrue(more.getMessage().contains("less what refunds took back before it (30.00)"), more.getMessage());
        ledger.recordAndCheck(List.of(refund("R4", "S2")), Map.of("R4", new BigDecimal("70.00")));
        ledger.recordAndCheck(List.of(refund("R4", "S2")), Map.of("R4", new BigDecimal("70.00")));
        assertEquals(List.of("S1|120.00", "S2|100.00"), query(db, "SELECT event_id || '|' || refunded FROM"
                + " campaign_sale WHERE event_id IN ('S1', 'S2') ORDER BY 1"), "a redelivered refund counts once");
    }

    private static Sale refund(String id, String original) {
        return new Sale(id, SaleKind.REFUND, Instant.parse("2026-06-15T02:00:00Z"), "c-1", Set.of(), "B-1", null, null,
                List.of(), original);
    }

    private static FluentConfiguration flyway(SharedInfra.Database db) {
        return Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations(LOCATIONS)
                .outOfOrder(true);
    }

    private static PGSimpleDataSource dataSource(SharedInfra.Database db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.username());
        ds.setPassword(db.password());
        return ds;
    }

    private static void execute(SharedInfra.Database db, String sql) throws SQLException {
        try (Connection c = dataSource(db).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(SharedInfra.Database db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource(db).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
