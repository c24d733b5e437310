package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.EAST;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class VipNominationIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String MANAGER = token("manager", EAST);

    @Inject
    OrgDirectory directory;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    @Test
    void aNominationNeedsAManagerWhoIsNotTheNominator() {
        String id = create(STAFF, newCustomer("提名客户" + RUN, NANCHANG, "13911110000"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().post("/api/v1/customers/" + id + "/vip-nominations").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        String nomination = given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("reason", "战略合作伙伴，公司直接提名")).when()
                .post("/api/v1/customers/" + id + "/vip-nominations").then().statusCode(201)
                .body("state", equalTo("NOMINATED")).body("allowedActions", contains("approve", "reject"))
                .extract().path("id");
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/api/v1/customers/" + id + "/vip-nominations").then().statusCode(409);
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/vip-nominations/" + nomination + "/approve").then().statusCode(403);
        String selfNominatingManager = "Bearer " + TestTokens.token("manager", EAST, "s-staff-" + NANCHANG,
                Duration.ofHours(1));
        given().header("Authorization", selfNominatingManager).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/vip-nominations/" + nomination + "/approve").then().statusCode(403);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/vip-nominations/" + nomination + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(Map.of("note", "同意"))
                .when().post("/api/v1/vip-nominations/" + nomination + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(Map.of("note", "改主意"))
                .when().post("/api/v1/vip-nominations/" + nomination + "/reject").then().statusCode(409);
        given().header("Authorization", STAFF).when().get("/api/v1/customers/" + id).then()
                .body("vip", equalTo(true));
        JsonNode event = Fixtures.awaitEvent("customer.tier-changed", id, d -> d.path("vip").asBoolean());
        EventSchemas.assertValid("schemas/customer.tier-changed.v1.json", event.path("data").toString());
        assertEquals("NOMINATION", event.path("data").path("vipBasis").asText());
    }
}
