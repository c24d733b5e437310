package com.example.mkt.gateway.sales;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Receipts older than gateway.sales.receipt-retention (35 days) are deleted; a resend inside the window is still
 * DUPLICATE, one after it is published again (consumers drop it by eventId).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class ReceiptRetentionIT {

    @Inject
    ReceiptPruning pruning;
    @Inject
    DataSource dataSource;

    @Test
    void receiptsOutsideTheWindowArePrunedAndOnlyThoseInsideItStillAnswerDuplicate() throws Exception {
        String old = "IT-old-" + UUID.randomUUID();
        String recent = "IT-recent-" + UUID.randomUUID();
        receipt(old, 40);
        receipt(recent, 34);

        assertTrue(pruning.prune() >= 1);
        assertEquals(0, count(old), "a receipt of 40 days ago");
        assertEquals(1, count(recent), "a receipt of 34 days ago");
        assertEquals(0, pruning.prune(), "a second run finds nothing");

        post(recent).body("results[0].status", equalTo("DUPLICATE"));
        post(old).body("results[0].status", equalTo("ACCEPTED"));
        assertEquals(1, count(old), "published again, remembered again");
    }

    private static io.restassured.response.ValidatableResponse post(String eventId) {
        String customer = "{\"id\": \"c-" + UUID.randomUUID() + "\"}";
        return given().header("X-Api-Key", GatewayTestResource.posKey()).contentType(ContentType.JSON)
                .body(SalesEventsIT.sale(eventId, customer)).when().post("/api/v1/sales-events").then()
                .statusCode(200);
    }

    private void receipt(String eventId, int daysAgo) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sales_event_receipt (event_id, client, envelope_id, received_at)"
                        + " VALUES (?, 'pos', ?, now() - make_interval(days => ?))")) {
            ps.setString(1, eventId);
            ps.setObject(2, UUID.randomUUID());
            ps.setInt(3, daysAgo);
            ps.executeUpdate();
        }
    }

    private int count(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM sales_event_receipt WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
