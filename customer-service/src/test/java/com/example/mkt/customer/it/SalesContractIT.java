package com.example.mkt.customer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.contracts.testing.SalesContractRun;
import com.example.mkt.contracts.testing.SalesEdgeRecords;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sales contract as customer-service reads it: the edge records of libs/contracts (the same file, order and expectations
 * for every consumer of sales.events) are applied, dead-lettered or ignored as the file expects, and the applied ones
 * add up to the file's total to the cent. kpi-service, customer-service and campaign-service each run this test, so
 * they agree with each other record by record.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesContractIT {

    private static final String CONSUMER = "customer-service.sales";

    @Inject
    DataSource dataSource;

    @Test
    void theEdgeRecordsAreAppliedDeadLetteredAndIgnoredAsTheContractSays() throws Exception {
        String run = "CT-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String unit = "B-" + run;
        String code = "C-" + run; // customer-service reads no campaign code
        SalesEdgeRecords records = SalesEdgeRecords.load(run, unit, code);
        SalesContractRun.check(records, CONSUMER, () -> rows(records));
        // the sale naming a customer id this service had not registered filed that customer, under that id
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status, org_unit, external_ref FROM customer WHERE id = ?")) {
            ps.setString(1, run + "-UNREGISTERED");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a prospect for the unregistered id");
                assertEquals("PROSPECT", rs.getString(1));
                assertEquals(unit, rs.getString(2));
                assertNull(rs.getString(3));
            }
        }
        // what the refunds took back is kept in their original's row
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT refunded FROM customer_sale WHERE event_id = ?")) {
            ps.setString(1, run + "-33");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(new BigDecimal("100.00"), rs.getBigDecimal(1));
            }
        }
    }

    /** The stored purchase of each sale and refund of the run, refunds negative whatever the sign they were sent with. */
    private Map<String, BigDecimal> rows(SalesEdgeRecords records) {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_id, CASE WHEN kind = 'REFUND' THEN -abs(amount) ELSE amount END FROM customer_sale WHERE event_id = ANY(?)")) {
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
