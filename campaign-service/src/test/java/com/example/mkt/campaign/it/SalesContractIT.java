package com.example.mkt.campaign.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.contracts.testing.SalesContractRun;
import com.example.mkt.contracts.testing.SalesEdgeRecords;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.rest.security.OrgDirectory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sales contract as campaign-service reads it: the edge records of libs/contracts (the same file, order and expectations
 * for every consumer of sales.events) are applied, dead-lettered or ignored as the file expects, and the applied ones
 * add up to the file's total to the cent. kpi-service, customer-service and campaign-service each run this test, so
 * they agree with each other record by record.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesContractIT {

    private static final String CONSUMER = "campaign-sales";

    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    @Test
    void theEdgeRecordsAreAppliedDeadLetteredAndIgnoredAsTheContractSays() throws Exception {
        String run = "CT-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // a campaign counting every valid sale of the file: its code, its products LAY and LAI, May to October 2026
        String unit = "B-" + run;
        String code = "C-" + run;
        Fixtures.tree(directory, "R-" + run, List.of(unit));
        String campaign = Fixtures.create(Fixtures.PLANNER, Fixtures.campaignBody(code, "HQ"));
        Fixtures.allocate(campaign, List.of(Fixtures.target(unit, "1000.00", "2000.00")));
        Fixtures.activate(campaign);
        SalesEdgeRecords records = SalesEdgeRecords.load(run, unit, code);
        SalesContractRun.check(records, CONSUMER, () -> rows(records));
    }

    /** What each sale and refund of the run contributed to the campaign. */
    private Map<String, BigDecimal> rows(SalesEdgeRecords records) {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sale_event_id, sum(amount) FROM campaign_contribution WHERE sale_event_id = ANY(?) GROUP BY sale_event_id")) {
            ps.setArray(1, c.createArrayOf("text", records.eventIds().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
