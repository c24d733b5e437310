package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.envelope;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.sale;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** sales.recorded in from the real broker, customer.* events out through the outbox. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesFlowIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String SUPERVISOR = token("supervisor", NANCHANG);

    @Inject
    OrgDirectory directory;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    private static void send(KafkaTestClient kafka, String key, Map<String, Object> data) {
        kafka.send("sales.events", key, envelope("/pos-system", "sales.recorded", key, data));
    }

    private static void awaitOrders(String customerId, int orders) {
        Fixtures.await(() -> given().header("Authorization", SUPERVISOR)
                .when().get("/api/v1/customers/" + customerId + "/purchase-stats").then().statusCode(200)
                .extract().<Integer>path("orderCount") >= orders, orders + " orders of " + customerId);
    }

    @Test
    void aSaleInProducesTierChangedOutAndARedeliveredSaleChangesNothing() {
        String id = create(STAFF, newCustomer("大额客户" + RUN, NANCHANG, "13511112222"));
        String eventId = "POS-" + UUID.randomUUID();
        Map<String, Object> big = sale(eventId, "SALE", Map.of("id", id), NANCHANG, "25000.00");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, id, big);
            JsonNode tier = Fixtures.awaitEvent("customer.tier-changed", id, d -> d.path("vip").asBoolean());
            EventSchemas.assertValid("schemas/cloudevents-envelope.v1.json", tier.toString());
            EventSchemas.assertValid("schemas/customer.tier-changed.v1.json", tier.path("data").toString());
            assertEquals("GOLD", tier.path("data").path("toTier").asText());
            assertEquals("NONE", tier.path("data").path("fromTier").asText());
            assertEquals("SINGLE_PURCHASE", tier.path("data").path("vipBasis").asText());
            assertEquals("25000.00", tier.path("data").path("windowSpend").asText());
            assertEquals(id, tier.path("subject").asText());
            JsonNode lifecycle = Fixtures.awaitEvent("customer.lifecycle-changed", id, d -> true);
            EventSchemas.assertValid("schemas/customer.lifecycle-changed.v1.json", lifecycle.path("data").toString());
            assertEquals("NEW", lifecycle.path("data").path("to").asText());

            // The same sale again, in a new envelope (new id), then a small marker sale on the same key:
            // once the marker is counted, the repeat has been seen and must not have counted.
            send(kafka, id, big);
            send(kafka, id, sale("POS-" + UUID.randomUUID(), "SALE", Map.of("id", id), NANCHANG, "100.00"));
        }
        awaitOrders(id, 2);
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + id + "/purchase-stats")
                .then().statusCode(200).body("orderCount", equalTo(2)).body("lifetimeSpend", equalTo("25100.00"))
                .body("spend12Months", equalTo("25100.00")).body("tier", equalTo("GOLD")).body("vip", equalTo(true))
                .body("lifecycleStage", equalTo("NEW"));
        List<JsonNode> tierEvents = Fixtures.eventsAbout(id, "customer.tier-changed", d -> true).stream()
                .filter(e -> e.path("type").asText().equals("customer.tier-changed")).toList();
        assertEquals(1, tierEvents.size(), "one tier change only: " + tierEvents);
    }

    @Test
    void aRefundLowersTheTierItWasCountedIn() {
        String id = create(STAFF, newCustomer("退款客户" + RUN, NANCHANG, "13511113333"));
        String saleId = "POS-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, id, sale(saleId, "SALE", Map.of("id", id), NANCHANG, "6000.00"));
            Fixtures.awaitEvent("customer.tier-changed", id, d -> d.path("toTier").asText().equals("SILVER"));
            Map<String, Object> refund = sale("RF-" + UUID.randomUUID(), "REFUND", Map.of("id", id), NANCHANG, "2000.00");
            refund.put("refundOf", saleId);
            send(kafka, id, refund);
        }
        JsonNode down = Fixtures.awaitEvent("customer.tier-changed", id, d -> d.path("toTier").asText().equals("NONE")
                && d.path("fromTier").asText().equals("SILVER"));
        assertEquals("4000.00", down.path("data").path("windowSpend").asText());
    }

    @Test
    void aSaleForAnUnknownExternalReferenceCreatesAProspect() {
        String ref = "CRM-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, ref, sale("POS-" + UUID.randomUUID(), "SALE",
                    Map.of("externalRef", ref, "name", "散客王女士" + RUN, "phone", "15800001111"), NANCHANG, "88.00"));
        }
        Fixtures.await(() -> given().header("Authorization", STAFF).queryParam("q", "散客王女士" + RUN)
                .when().get("/api/v1/customers").then().statusCode(200).extract().<List<?>>path("items").size() == 1,
                "prospect created");
        String id = given().header("Authorization", STAFF).queryParam("q", "散客王女士" + RUN).when()
                .get("/api/v1/customers").then().body("items[0].status", equalTo("PROSPECT"))
                .body("items[0].externalRef", equalTo(ref)).extract().path("items[0].id");
        awaitOrders(id, 1);
        JsonNode registered = Fixtures.awaitEvent("customer.registered", id, d -> true);
        EventSchemas.assertValid("schemas/customer.registered.v1.json", registered.path("data").toString());
        assertEquals("SALES", registered.path("data").path("origin").asText());
    }

    @Test
    void contractDefaultsBelow75PercentDowngradeAKeyAccountToOrdinary() throws Exception {
        String id = create(STAFF, newCustomer("重点客户" + RUN, NANCHANG, "13511114444"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE customer SET credit_tier = 'GREEN' WHERE id = ?")) {
            ps.setString(1, id); // as an approved credit change request would have left it
            ps.executeUpdate();
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < 3; i++) {
                Map<String, Object> ok = sale("CT-" + UUID.randomUUID(), "CONTRACT", Map.of("id", id), NANCHANG, "1000.00");
                ok.put("contractId", "K-" + i);
                ok.put("fulfilled", true);
                send(kafka, id, ok);
            }
            Map<String, Object> bad = sale("CT-" + UUID.randomUUID(), "CONTRACT", Map.of("id", id), NANCHANG, "1000.00");
            bad.put("contractId", "K-3");
            bad.put("fulfilled", false);
            send(kafka, id, bad); // 3 of 4 = 75%: not below
            Map<String, Object> worse = sale("CT-" + UUID.randomUUID(), "CONTRACT", Map.of("id", id), NANCHANG, "1000.00");
            worse.put("contractId", "K-4");
            worse.put("fulfilled", false);
            send(kafka, id, worse); // 3 of 5 = 60%
        }
        JsonNode event = Fixtures.awaitEvent("customer.credit-tier-changed", id, d -> true);
        EventSchemas.assertValid("schemas/customer.credit-tier-changed.v1.json", event.path("data").toString());
        assertEquals("GREEN", event.path("data").path("from").asText());
        assertTrue(event.path("data").path("to").isNull());
        assertEquals("60.00", event.path("data").path("fulfilmentPercent").asText());
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + id).then()
                .body("credit.tier", nullValue()).body("credit.keyAccount", equalTo(false));
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + id + "/purchase-stats").then()
                .body("contractFulfilment.fulfilled", equalTo(3)).body("contractFulfilment.defaulted", equalTo(2))
                // the amounts are kept beside the counts, for customer.credit.fulfilment-basis=AMOUNT
                .body("contractFulfilment.fulfilledAmount", equalTo("3000.00"))
                .body("contractFulfilment.defaultedAmount", equalTo("2000.00"))
                .body("contractFulfilment.basis", equalTo("COUNT"))
                .body("contractFulfilment.ratePercent", equalTo("60.00"));
        given().header("Authorization", STAFF).when().get("/api/v1/customers/" + id + "/purchase-stats").then()
                .body("contractFulfilment", nullValue());
    }

    @Test
    void aThousandSalesAreAppliedInBatches() throws Exception {
        int customers = 50;
        int perCustomer = 20;
        String prefix = "BULK-" + RUN + "-";
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int n = 0; n < perCustomer; n++) {
                for (int i = 0; i < customers; i++) {
                    String ref = prefix + i;
                    send(kafka, ref, sale(prefix + i + "-" + n, "SALE", Map.of("externalRef", ref), NANCHANG, "10.00"));
                }
            }
        }
        Fixtures.await(() -> countOrders(prefix) == customers * perCustomer, "1,000 sales applied");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), min(s.lifetime_spend), max(s.lifetime_spend) "
                     + "FROM customer c JOIN customer_stats s ON s.customer_id = c.id WHERE c.external_ref LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(customers, rs.getInt(1));
                assertEquals("200.00", rs.getBigDecimal(2).toPlainString());
                assertEquals("200.00", rs.getBigDecimal(3).toPlainString());
            }
        }
    }

    private long countOrders(String prefix) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(s.order_count), 0) FROM customer c "
                     + "JOIN customer_stats s ON s.customer_id = c.id WHERE c.external_ref LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
