package com.example.mkt.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** One document for the platform, even while some services are down. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class OpenApiIT {

    @Test
    void mergesTheGatewayAndTheBackendsThatAnswer() {
        given().when().get("/openapi").then().statusCode(200).contentType("application/json")
                .body("openapi", equalTo("3.1.0"))
                .body("paths.'/api/v1/sales-events'.post", notNullValue())
                .body("paths.'/api/v1/customers'.get.summary", equalTo("List customers"))
                .body("components.schemas.Customer", notNullValue())
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"))
                .body("x-unavailable-services", hasItem("kpi-service"))
                .body("tags.name", hasItem("Customers"))
                .body("paths.'/api/v1/customers'.get.tags", org.hamcrest.Matchers.contains("Customers"))
                .body("paths.'/api/v1/customers'.get.operationId", equalTo("getCustomers"));
    }

    @Test
    void swaggerUiReadsIt() {
        given().when().get("/docs").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("url: '/openapi'"));
        given().when().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
