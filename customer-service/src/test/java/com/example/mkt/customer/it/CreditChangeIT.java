package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.EAST;
import static com.example.mkt.customer.it.Fixtures.HQ;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.customer.credit.CreditChangeService;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class CreditChangeIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String SUPERVISOR = token("supervisor", NANCHANG);
    private static final String MANAGER = token("manager", EAST);
    private static final String DIRECTOR = token("marketing_director", HQ);

    @Inject
    OrgDirectory directory;
    @Inject
    CreditChangeService credit;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    private io.restassured.response.ValidatableResponse act(String token, String id, String action) {
        return given().header("Authorization", token).contentType(ContentType.JSON).when()
                .post("/api/v1/credit-change-requests/" + id + "/" + action).then();
    }

    @Test
    void aChangeIsFiledVerifiedAndApprovedByTheRightLevels() {
        String customer = create(STAFF, newCustomer("信用申请" + RUN, NANCHANG, "13522221111"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("to", "GREEN", "reason", "年交易额超过500万"))
                .when().post("/api/v1/customers/" + customer + "/credit-change-requests").then().statusCode(403);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("to", "PURPLE", "reason", "x"))
                .when().post("/api/v1/customers/" + customer + "/credit-change-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        String id = given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("to", "GREEN", "reason", "年交易额超过500万，合同全部履约"))
                .when().post("/api/v1/customers/" + customer + "/credit-change-requests").then().statusCode(201)
                .body("state", equalTo("AWAITING_FILING")).body("from", equalTo("ORDINARY"))
                .body("owner", equalTo("REGIONAL_OFFICE")).extract().path("id");
        act(SUPERVISOR, id, "reject").statusCode(409).body("allowed", hasItem("approve"));
        act(SUPERVISOR, id, "approve").statusCode(200).body("state", equalTo("AWAITING_VERIFICATION"));
        act(SUPERVISOR, id, "approve").statusCode(403);
        act(MANAGER, id, "approve").statusCode(200).body("state", equalTo("AWAITING_HQ_APPROVAL"));
        act(MANAGER, id, "approve").statusCode(403);
        act(DIRECTOR, id, "approve").statusCode(200).body("state", equalTo("APPROVED"));
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + customer).then()
                .body("credit.tier", equalTo("GREEN")).body("credit.keyAccount", equalTo(true));
        JsonNode event = Fixtures.awaitEvent("customer.credit-tier-changed", customer, d -> true);
        EventSchemas.assertValid("schemas/customer.credit-tier-changed.v1.json", event.path("data").toString());
        assertEquals("APPROVED_REQUEST", event.path("data").path("reason").asText());
        assertFalse(event.path("data").path("automatic").asBoolean());
    }

    @Test
    void anOverdueStepIsEscalatedOnce() {
        String customer = create(STAFF, newCustomer("逾期信用" + RUN, NANCHANG, "13522222222"));
        String id = given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("to", "YELLOW", "reason", "交易额达标", "triggeredAt",
                        OffsetDateTime.now().minusDays(3).toString()))
                .when().post("/api/v1/customers/" + customer + "/credit-change-requests").then().statusCode(201)
                .extract().path("id");
        credit.escalateOverdue();
        credit.escalateOverdue();
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/credit-change-requests/" + id).then()
                .statusCode(200).body("escalatedSteps", hasItem("AWAITING_FILING"))
                .body("owner", equalTo("LARGE_REGION"));
        JsonNode escalated = Fixtures.awaitEvent("credit-change.escalated", id, d -> true);
        EventSchemas.assertValid("schemas/credit-change.escalated.v1.json", escalated.path("data").toString());
        act(MANAGER, id, "approve").statusCode(200).body("state", equalTo("AWAITING_VERIFICATION"));
        long escalations = Fixtures.eventsAbout(id, "credit-change.escalated", d -> true).stream()
                .filter(e -> e.path("type").asText().equals("credit-change.escalated")).count();
        assertEquals(1, escalations);
        given().header("Authorization", STAFF).when().get("/api/v1/credit-change-requests/" + id).then()
                .statusCode(403);
    }
}
