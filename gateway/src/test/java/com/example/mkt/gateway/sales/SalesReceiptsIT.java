package com.example.mkt.gateway.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Receipts go in with a plain insert, and a batch of which a concurrent resend recorded some first (the plain insert
 * fails whole on the key) is recorded again skipping those: they are reported as the other's, the rest recorded once
 * with this request's envelope ids, and nothing of the first attempt is left behind.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class SalesReceiptsIT {

    @Inject
    SalesReceipts receipts;
    @Inject
    DataSource dataSource;

    @Test
    void aBatchSomeOfWhichAnotherRequestRecordedFirstRecordsTheRestAndNamesThose() throws Exception {
        String run = UUID.randomUUID().toString();
        SalesReceipts.Receipt a = receipt("IT-a-" + run);
        SalesReceipts.Receipt b = receipt("IT-b-" + run);
        SalesReceipts.Receipt c = receipt("IT-c-" + run);
        assertEquals(Set.of(), receipts.record("pos", List.of(a, b)), "nothing recorded before");

        SalesReceipts.Receipt bAgain = receipt(b.eventId());
        assertEquals(Set.of(b.eventId()), receipts.record("pos", List.of(c, bAgain)), "b was the other request's");
        assertEquals(Set.of(a.eventId(), b.eventId(), c.eventId()), receipts.known(List.of(a.eventId(), b.eventId(),
                c.eventId(), "IT-none-" + run)));
        assertEquals(b.envelopeId(), envelope(b.eventId()), "the first recording of b stands");
        assertEquals(c.envelopeId(), envelope(c.eventId()));
        assertEquals(Set.of(c.eventId()), receipts.record("pos", List.of(receipt(c.eventId()))), "all recorded");
    }

    private static SalesReceipts.Receipt receipt(String eventId) {
        return new SalesReceipts.Receipt(eventId, UUID.randomUUID().toString());
    }

    private String envelope(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT envelope_id FROM sales_event_receipt WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class).toString();
            }
        }
    }
}
