package com.example.mkt.customer.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The example request of the API document (what Swagger UI and generated clients show) is one the endpoint takes:
 * posted as documented, a new customer is answered 201, the success the document lists (and the only one).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ApiExampleIT {

    @Inject
    OrgDirectory directory;

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentedCustomerExampleIsCreated() {
        // the example's branch, under this run's tree
        Fixtures.orgTree(directory);
        com.example.mkt.testinfra.TestEvents.publishOrgUnits(new com.example.mkt.testinfra.TestEvents.OrgUnit(
                "B-NANCHANG", "南昌分公司", "BRANCH", Fixtures.HQ));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!directory.exists("B-NANCHANG") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Map<String, Object> post = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().path("paths.'/api/v1/customers'.post");
        Map<String, Object> example = given().accept("application/json").when().get("/q/openapi").then()
                .extract().path("paths.'/api/v1/customers'.post.requestBody.content.'application/json'.examples"
                        + ".company.value");
        assertNotNull(example, "no example request for POST /api/v1/customers");
        Map<String, Object> responses = (Map<String, Object>) post.get("responses");
        assertTrue(responses.containsKey("201") && !responses.containsKey("200"), "documented: " + responses.keySet());
        given().header("Authorization", Fixtures.token("manager", "B-NANCHANG")).contentType(ContentType.JSON)
                .body(example).when().post("/api/v1/customers").then().statusCode(201)
                .body("name", equalTo(example.get("name")));
    }
}
