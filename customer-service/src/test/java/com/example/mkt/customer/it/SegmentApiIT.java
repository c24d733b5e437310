package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.CHENGDU;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.customer.segment.SegmentJob;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SegmentApiIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String SUPERVISOR = token("supervisor", NANCHANG);

    @Inject
    OrgDirectory directory;
    @Inject
    SegmentJob job;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    @Test
    void aSegmentSelectsItsMembersAndPublishesMembershipChanges() {
        String tag = "SEG" + RUN;
        Map<String, Object> a = newCustomer("细分甲" + RUN, NANCHANG, "13811112222");
        a.put("tags", List.of(tag));
        Map<String, Object> b = newCustomer("细分乙" + RUN, NANCHANG, "13811113333");
        b.put("tags", List.of(tag, "other"));
        String idA = create(STAFF, a);
        String idB = create(STAFF, b);
        Map<String, Object> rule = Map.of("all", List.of(Map.of("field", "tags", "op", "contains", "value", tag),
                Map.of("field", "tier", "op", "eq", "value", "NONE"),
                Map.of("field", "orgUnit", "op", "within", "value", Fixtures.EAST)));

        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("rule", rule))
                .when().post("/api/v1/segments/preview").then().statusCode(200).body("count", equalTo(2));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("name", "华东无等级客户", "rule", rule)).when().post("/api/v1/segments").then()
                .statusCode(403);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("name", "坏规则", "rule", Map.of("field", "salary", "op", "eq", "value", "x")))
                .when().post("/api/v1/segments").then().statusCode(400)
                .body("errors[0].field", equalTo("rule.field"));

        String id = given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("name", "华东无等级客户", "rule", rule)).when().post("/api/v1/segments").then()
                .statusCode(201).body("memberCount", equalTo(2)).body("name", equalTo("华东无等级客户"))
                .extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/segments/" + id + "/members").then()
                .statusCode(200).body("items.customerId", containsInAnyOrder(idA, idB));
        JsonNode joined = Fixtures.awaitEvent("segment.membership-changed", id,
                d -> d.path("customerId").asText().equals(idA) && d.path("member").asBoolean());
        EventSchemas.assertValid("schemas/segment.membership-changed.v1.json", joined.path("data").toString());

        // customer B loses the tag: the next evaluation takes it out and says so
        String etag = given().header("Authorization", STAFF).when().get("/api/v1/customers/" + idB).then()
                .extract().header("ETag");
        Map<String, Object> update = new HashMap<>(b);
        update.remove("contacts");
        update.put("tags", List.of("other"));
        given().header("Authorization", STAFF).header("If-Match", etag).contentType(ContentType.JSON).body(update)
                .when().put("/api/v1/customers/" + idB).then().statusCode(200);
        job.refreshAll();
        given().header("Authorization", STAFF).when().get("/api/v1/segments/" + id + "/members").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].customerId", equalTo(idA));
        JsonNode left = Fixtures.awaitEvent("segment.membership-changed", id,
                d -> d.path("customerId").asText().equals(idB) && !d.path("member").asBoolean());
        assertFalse(left.path("data").path("member").asBoolean());
        given().header("Authorization", STAFF).when().get("/api/v1/segments/unknown").then().statusCode(404);
    }

    @Test
    void previewsCountsAndMembersStayInsideTheCallersScope() {
        String tag = "SCOPE" + RUN;
        Map<String, Object> mine = newCustomer("范围甲" + RUN, NANCHANG, "13822221111");
        mine.put("tags", List.of(tag));
        Map<String, Object> theirs = newCustomer("范围乙" + RUN, CHENGDU, "13822223333");
        theirs.put("tags", List.of(tag));
        String idMine = create(STAFF, mine);
        create(token("staff", CHENGDU), theirs);
        Map<String, Object> rule = Map.of("all", List.of(Map.of("field", "tags", "op", "contains", "value", tag),
                Map.of("field", "orgUnit", "op", "within", "value", Fixtures.HQ)));
        String gm = token("gm", Fixtures.HQ);

        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("rule", rule))
                .when().post("/api/v1/segments/preview").then().statusCode(200).body("count", equalTo(1));
        given().header("Authorization", gm).contentType(ContentType.JSON).body(Map.of("rule", rule))
                .when().post("/api/v1/segments/preview").then().statusCode(200).body("count", equalTo(2));

        String id = given().header("Authorization", gm).contentType(ContentType.JSON)
                .body(Map.of("name", "全公司" + tag, "rule", rule)).when().post("/api/v1/segments").then()
                .statusCode(201).body("memberCount", equalTo(2)).extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/segments/" + id).then().statusCode(200)
                .body("memberCount", equalTo(1));
        given().header("Authorization", STAFF).when().get("/api/v1/segments/" + id + "/members").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].customerId", equalTo(idMine));
        given().header("Authorization", gm).when().get("/api/v1/segments/" + id + "/members").then()
                .statusCode(200).body("items", hasSize(2));
    }
}
