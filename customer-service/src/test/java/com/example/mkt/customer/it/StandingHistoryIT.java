package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.CHENGDU;
import static com.example.mkt.customer.it.Fixtures.EAST;
import static com.example.mkt.customer.it.Fixtures.HQ;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.envelope;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.sale;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.customer.sales.StandingAgingJob;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A customer's tier and credit-tier history (GET /customers/{id}/tier-changes and /credit-tier-changes): every move
 * the sales stream, the nightly aging, a VIP nomination and a credit change request make is kept, with who made it
 * when a person did, and read like the grade history (paging, roles, org scope).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class StandingHistoryIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String SUPERVISOR = token("supervisor", NANCHANG);
    private static final String MANAGER = token("manager", EAST);
    private static final String DIRECTOR = token("marketing_director", HQ);
    private static final String OTHER_BRANCH_MANAGER = token("manager", CHENGDU);

    @Inject
    OrgDirectory directory;
    @Inject
    StandingAgingJob aging;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    @Test
    void purchasesThatMoveTheTierAreInItsHistoryAndOnesThatDoNotAreNot() {
        String id = create(STAFF, newCustomer("层级历史" + RUN, NANCHANG, "13611110001"));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, id, "6000.00");
            awaitTierChanges(id, 1);
            send(kafka, id, "25000.00");
            awaitTierChanges(id, 2);
            send(kafka, id, "10.00"); // GOLD and VIP already: no move
        }
        Fixtures.await(() -> given().header("Authorization", STAFF).when()
                .get("/api/v1/customers/" + id + "/purchase-stats").then().statusCode(200)
                .extract().<Integer>path("orderCount") == 3, "3 orders of " + id);

        tierChanges(STAFF, id, "").statusCode(200).body("items", hasSize(2)).body("nextCursor", nullValue())
                .body("items[0].from", equalTo("SILVER")).body("items[0].to", equalTo("GOLD"))
                .body("items[0].wasVip", equalTo(false)).body("items[0].vip", equalTo(true))
                .body("items[0].source", equalTo("SALES"))
                .body("items[0].windowSpend", equalTo("31000.00")).body("items[0].currency", equalTo("CNY"))
                .body("items[0].changedBy", nullValue())
                .body("items[1].from", equalTo("NONE")).body("items[1].to", equalTo("SILVER"))
                .body("items[1].vip", equalTo(false)).body("items[1].vipBasis", nullValue())
                .body("items[1].windowSpend", equalTo("6000.00"));
        String changedAt = tierChanges(STAFF, id, "").extract().path("items[0].changedAt");
        assertTrue(changedAt.endsWith("+08:00"), "business-zone time: " + changedAt);

        // each move is the one published
        List<JsonNode> published = Fixtures.eventsAbout(id, "customer.tier-changed",
                d -> d.path("toTier").asText().equals("GOLD")).stream()
                .filter(e -> e.path("type").asText().equals("customer.tier-changed")).toList();
        assertEquals(2, published.size(), "one event per recorded move: " + published);
        String basis = published.get(published.size() - 1).path("data").path("vipBasis").asText();
        tierChanges(STAFF, id, "").body("items[0].vipBasis", equalTo(basis));

        String cursor = tierChanges(STAFF, id, "?limit=1").statusCode(200).body("items", hasSize(1))
                .body("items[0].to", equalTo("GOLD")).extract().path("nextCursor");
        tierChanges(STAFF, id, "?limit=1&cursor=" + cursor).statusCode(200).body("items", hasSize(1))
                .body("items[0].to", equalTo("SILVER")).body("nextCursor", nullValue());
    }

    @Test
    void theReadsAreScopedAndCheckTheirParametersLikeTheOtherCustomerSubResources() {
        String id = create(STAFF, newCustomer("历史权限" + RUN, NANCHANG, "13611110002"));
        for (String path : List.of("/tier-changes", "/credit-tier-changes")) {
            given().header("Authorization", OTHER_BRANCH_MANAGER).when().get("/api/v1/customers/" + id + path).then()
                    .statusCode(404).contentType("application/problem+json");
            given().header("Authorization", OTHER_BRANCH_MANAGER).when().get("/api/v1/customers/" + id + "/grade-changes")
                    .then().statusCode(404);
            for (String limit : List.of("0", "501")) {
                given().header("Authorization", SUPERVISOR).queryParam("limit", limit).when()
                        .get("/api/v1/customers/" + id + path).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
            }
            given().header("Authorization", SUPERVISOR).queryParam("cursor", "bm90LWEtbnVtYmVy").when()
                    .get("/api/v1/customers/" + id + path).then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
            given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + id + path).then()
                    .statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
        }
        // the grade history and the audit trail page by the same id cursor (HistoryCursor): a foreign one is refused
        for (String path : List.of("/grade-changes", "/audit-entries")) {
            given().header("Authorization", SUPERVISOR).queryParam("cursor", "bm90LWEtbnVtYmVy").when()
                    .get("/api/v1/customers/" + id + path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
            given().header("Authorization", SUPERVISOR).queryParam("limit", "1").when()
                    .get("/api/v1/customers/" + id + path).then().statusCode(200);
        }
        // credit data: supervisors and above, as everywhere
        given().header("Authorization", STAFF).when().get("/api/v1/customers/" + id + "/credit-tier-changes").then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", token("analyst", HQ)).when()
                .get("/api/v1/customers/" + id + "/credit-tier-changes").then().statusCode(403);
        given().header("Authorization", token("analyst", HQ)).when().get("/api/v1/customers/" + id + "/tier-changes")
                .then().statusCode(200);
        given().header("Authorization", token("ops", HQ)).when().get("/api/v1/customers/" + id + "/tier-changes")
                .then().statusCode(403);
        given().when().get("/api/v1/customers/" + id + "/tier-changes").then().statusCode(401);
    }

    @Test
    void anApprovedCreditChangeAndAnAutomaticDowngradeAreInTheCreditHistory() {
        String id = create(STAFF, newCustomer("信用历史" + RUN, NANCHANG, "13611110003"));
        String request = given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("to", "GREEN", "reason", "年交易额超过500万")).when()
                .post("/api/v1/customers/" + id + "/credit-change-requests").then().statusCode(201).extract().path("id");
        approve(SUPERVISOR, request);
        approve(MANAGER, request);
        creditTierChanges(id).body("items", hasSize(0)); // not before the last approval
        approve(DIRECTOR, request);
        creditTierChanges(id).body("items", hasSize(1)).body("items[0].from", equalTo("ORDINARY"))
                .body("items[0].to", equalTo("GREEN")).body("items[0].reason", equalTo("APPROVED_REQUEST"))
                .body("items[0].automatic", equalTo(false)).body("items[0].requestId", equalTo(request))
                .body("items[0].changedBy", equalTo("s-marketing_director-" + HQ))
                .body("items[0].fulfilmentPercent", nullValue());

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Map<String, Object> defaulted = sale("CT-" + UUID.randomUUID(), "CONTRACT", Map.of("id", id), NANCHANG,
                    "1000.00");
            defaulted.put("contractId", "K-1");
            defaulted.put("fulfilled", false);
            kafka.send("sales.events", id, envelope("/pos-system", "sales.recorded", id, defaulted));
        }
        Fixtures.await(() -> creditTierChanges(id).extract().<List<?>>path("items").size() == 2,
                "the automatic downgrade in the history of " + id);
        creditTierChanges(id).body("items[0].from", equalTo("GREEN")).body("items[0].to", equalTo("ORDINARY"))
                .body("items[0].reason", equalTo("FULFILMENT_BELOW_MINIMUM")).body("items[0].automatic", equalTo(true))
                .body("items[0].fulfilmentPercent", equalTo("0.00")).body("items[0].changedBy", nullValue())
                .body("items[0].requestId", nullValue());
    }

    @Test
    void anApprovedNominationIsInTheTierHistoryWithItsApprover() {
        String id = create(STAFF, newCustomer("提名历史" + RUN, NANCHANG, "13611110004"));
        String nomination = given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("reason", "战略合作伙伴")).when().post("/api/v1/customers/" + id + "/vip-nominations")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(Map.of("note", "同意")).when()
                .post("/api/v1/vip-nominations/" + nomination + "/approve").then().statusCode(200);
        tierChanges(STAFF, id, "").statusCode(200).body("items", hasSize(1)).body("items[0].from", equalTo("NONE"))
                .body("items[0].to", equalTo("NONE")).body("items[0].wasVip", equalTo(false))
                .body("items[0].vip", equalTo(true)).body("items[0].source", equalTo("NOMINATION"))
                .body("items[0].vipBasis", equalTo("NOMINATION")).body("items[0].nominationId", equalTo(nomination))
                .body("items[0].changedBy", equalTo("s-manager-" + EAST)).body("items[0].windowSpend", nullValue())
                .body("items[0].currency", nullValue());
    }

    /**
     * The nightly job, run as if 14 months had passed: the purchase has left the 12-month window. Like
     * FollowUpAndAgingIT's run, it ages every customer of the database, which no other test reads afterwards.
     */
    @Test
    void aTierThatTheWindowLeavesBehindIsInTheHistoryOnce() {
        String id = create(STAFF, newCustomer("层级到期" + RUN, NANCHANG, "13611110005"));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, id, "6000.00");
        }
        awaitTierChanges(id, 1);
        Instant later = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusMonths(14).toInstant();
        aging.run(later);
        aging.run(later);
        tierChanges(STAFF, id, "").statusCode(200).body("items", hasSize(2))
                .body("items[0].from", equalTo("SILVER")).body("items[0].to", equalTo("NONE"))
                .body("items[0].source", equalTo("AGING")).body("items[0].windowSpend", equalTo("0.00"))
                .body("items[0].changedBy", nullValue());
    }

    private static void send(KafkaTestClient kafka, String customerId, String amount) {
        kafka.send("sales.events", customerId, envelope("/pos-system", "sales.recorded", customerId,
                sale("POS-" + UUID.randomUUID(), "SALE", Map.of("id", customerId), NANCHANG, amount)));
    }

    private static void awaitTierChanges(String customerId, int count) {
        Fixtures.await(() -> tierChanges(STAFF, customerId, "").extract().<List<?>>path("items").size() >= count,
                count + " tier changes of " + customerId);
    }

    private static ValidatableResponse tierChanges(String token, String customerId, String query) {
        return given().header("Authorization", token).urlEncodingEnabled(false).when()
                .get("/api/v1/customers/" + customerId + "/tier-changes" + query).then();
    }

    private static ValidatableResponse creditTierChanges(String customerId) {
        return given().header("Authorization", SUPERVISOR).when()
                .get("/api/v1/customers/" + customerId + "/credit-tier-changes").then().statusCode(200);
    }

    private static void approve(String token, String request) {
        given().header("Authorization", token).contentType(ContentType.JSON).when()
                .post("/api/v1/credit-change-requests/" + request + "/approve").then().statusCode(200);
    }
}
