package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.CHENGDU;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.customer.complaint.ComplaintSlaJob;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ComplaintApiIT {

    private static final String STAFF = token("staff", NANCHANG);

    @Inject
    OrgDirectory directory;
    @Inject
    ComplaintSlaJob slaJob;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    private String open(String customerId, String severity, OffsetDateTime receivedAt) {
        return given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "channel", "HOTLINE", "category", "理赔", "severity", severity,
                        "content", "理赔款迟迟未到账，客户非常不满。", "receivedAt", receivedAt.toString()))
                .when().post("/api/v1/complaints").then().statusCode(201).header("Location", notNullValue())
                .body("content", equalTo("理赔款迟迟未到账，客户非常不满。")).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse act(String id, String action, Object body) {
        var req = given().header("Authorization", STAFF).contentType(ContentType.JSON);
        if (body != null) {
            req = req.body(body);
        }
        return req.when().post("/api/v1/complaints/" + id + "/" + action).then();
    }

    @Test
    void aComplaintGoesThroughItsStatesAndRefusesIllegalMovesWith409() {
        String customer = create(STAFF, newCustomer("投诉客户" + RUN, NANCHANG, "13611112222"));
        String id = open(customer, "MEDIUM", OffsetDateTime.now().minusMinutes(5));
        act(id, "close", null).statusCode(409).contentType("application/problem+json")
                .body("allowed", contains("assign", "escalate"));
        act(id, "resolve", null).statusCode(409);
        act(id, "assign", Map.of("assignee", "")).statusCode(400).body("errors[0].field", equalTo("assignee"));
        act(id, "assign", Map.of("assignee", "agent-7")).statusCode(200).body("state", equalTo("ASSIGNED"));
        act(id, "start", null).statusCode(200).body("state", equalTo("IN_PROGRESS"))
                .body("sla.firstResponse", equalTo("MET"));
        String etag = given().header("Authorization", STAFF).when().get("/api/v1/complaints/" + id).then()
                .statusCode(200).extract().header("ETag");
        given().header("Authorization", STAFF).header("If-Match", "\"999\"").contentType(ContentType.JSON)
                .body(Map.of("resolution", "已赔付")).when().post("/api/v1/complaints/" + id + "/resolve").then()
                .statusCode(412);
        given().header("Authorization", STAFF).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("resolution", "已赔付")).when().post("/api/v1/complaints/" + id + "/resolve").then()
                .statusCode(200).body("state", equalTo("RESOLVED")).body("resolution", equalTo("已赔付"));
        act(id, "close", null).statusCode(200).body("state", equalTo("CLOSED"))
                .body("allowedActions", contains("reopen"));
        act(id, "reopen", null).statusCode(200).body("state", equalTo("REOPENED")).body("reopenCount", equalTo(1));

        JsonNode opened = Fixtures.awaitEvent("complaint.opened", id, d -> true);
        EventSchemas.assertValid("schemas/complaint.opened.v1.json", opened.path("data").toString());
        JsonNode resolved = Fixtures.awaitEvent("complaint.resolved", id, d -> true);
        EventSchemas.assertValid("schemas/complaint.resolved.v1.json", resolved.path("data").toString());
        // the assignee rides along, for kpi-service's staff complaint cells; unassigned when it was opened
        JsonNode unassigned = opened.path("data").path("assignee");
        assertTrue(unassigned.isNull() || unassigned.isMissingNode(), opened.toString());
        assertEquals("agent-7", resolved.path("data").path("assignee").asText());
        assertTrue(resolved.path("data").path("slaMet").asBoolean());
        JsonNode closed = Fixtures.awaitEvent("complaint.closed", id, d -> true);
        EventSchemas.assertValid("schemas/complaint.closed.v1.json", closed.path("data").toString());
        assertTrue(closed.path("data").path("surveyRequested").asBoolean());
        JsonNode reopened = Fixtures.awaitEvent("complaint.reopened", id, d -> true);
        EventSchemas.assertValid("schemas/complaint.reopened.v1.json", reopened.path("data").toString());
    }

    @Test
    void seriousComplaintsGoStraightToTheCentreDirector() {
        String customer = create(STAFF, newCustomer("重大投诉" + RUN, NANCHANG, "13611113333"));
        String id = open(customer, "SERIOUS", OffsetDateTime.now().minusMinutes(1));
        given().header("Authorization", STAFF).when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("state", equalTo("ESCALATED")).body("escalationLevel", equalTo("CENTRE_DIRECTOR"));
        JsonNode escalated = Fixtures.awaitEvent("complaint.escalated", id, d -> true);
        EventSchemas.assertValid("schemas/complaint.escalated.v1.json", escalated.path("data").toString());
        assertEquals("SERIOUS", escalated.path("data").path("escalationReason").asText());
    }

    @Test
    void aMissedDeadlineIsEscalatedOnceByTheScheduledCheck() {
        String customer = create(STAFF, newCustomer("超时投诉" + RUN, NANCHANG, "13611114444"));
        String id = open(customer, "LOW", OffsetDateTime.now().minusHours(30));
        // two replicas check at once, then one checks again: one escalation (advisory lock, breaches remembered)
        java.util.concurrent.CompletableFuture<Integer> other = java.util.concurrent.CompletableFuture
                .supplyAsync(slaJob::escalateBreaches);
        slaJob.escalateBreaches();
        other.join();
        slaJob.escalateBreaches();
        given().header("Authorization", STAFF).when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("state", equalTo("ESCALATED")).body("escalationLevel", equalTo("SUPERVISOR"))
                .body("sla.firstResponse", equalTo("BREACHED"));
        JsonNode escalated = Fixtures.awaitEvent("complaint.escalated", id, d -> true);
        EventSchemas.assertValid("schemas/complaint.escalated.v1.json", escalated.path("data").toString());
        assertEquals("SLA_FIRST_RESPONSE", escalated.path("data").path("escalationReason").asText());
        assertFalse(escalated.path("data").path("slaMet").asBoolean());
        // a later event proves the stream is flushed up to here; exactly one escalation was published
        act(id, "assign", Map.of("assignee", "agent-9")).statusCode(200);
        act(id, "resolve", null).statusCode(200);
        long escalations = Fixtures.eventsAbout(id, "complaint.resolved", d -> true).stream()
                .filter(e -> e.path("type").asText().equals("complaint.escalated")).count();
        assertEquals(1, escalations);
    }

    @Test
    void validationScopeAndUnknownIds() {
        String customer = create(STAFF, newCustomer("投诉范围" + RUN, NANCHANG, "13611115555"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "PIGEON", "severity", "LOW", "content", "x"))
                .when().post("/api/v1/complaints").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "WEB", "severity", "LOW", "content", ""))
                .when().post("/api/v1/complaints").then().statusCode(400).body("errors.field", hasItem("content"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", "nope", "channel", "WEB", "severity", "LOW", "content", "x"))
                .when().post("/api/v1/complaints").then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        String id = open(customer, "LOW", OffsetDateTime.now().minusMinutes(1));
        given().header("Authorization", token("staff", CHENGDU)).when().get("/api/v1/complaints/" + id)
                .then().statusCode(404);
        given().header("Authorization", STAFF).when().get("/api/v1/complaints/unknown-id").then().statusCode(404);
        act("unknown-id", "close", null).statusCode(404);
        given().header("Authorization", STAFF).when().get("/api/v1/complaints?customerId=" + customer)
                .then().statusCode(200).body("items.id", hasItem(id));
        given().header("Authorization", STAFF).when().get("/api/v1/complaints?state=LOST").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().when().get("/api/v1/complaints").then().statusCode(401);
    }
}
