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
                .body("paths.'/api/v1/customers'.get.operationId", equalTo("getCustomers"))
                // the gateway's own routes outside JAX-RS, from its META-INF/openapi.yaml
                .body("paths.'/api/v1/live/kpis'.get.tags", org.hamcrest.Matchers.contains("Live streams"))
                .body("paths.'/api/v1/live/kpis'.get.operationId", equalTo("getLiveKpis"))
                .body("paths.'/api/v1/live/kpis'.get.responses.'200'.content", org.hamcrest.Matchers
                        .hasKey("text/event-stream"))
                .body("paths.'/api/v1/live/campaigns'.get.responses.'429'.content", org.hamcrest.Matchers
                        .hasKey("application/problem+json"));
    }

    /**
     * The merged document's example sales batch is one the real endpoint takes: each event holds to the sales.recorded
     * contract, and posted with an API key every one is ACCEPTED (a second time, DUPLICATE), answered 200 as
     * documented.
     */
    @Test
    void theExampleSalesBatchIsAcceptedByTheRealEndpoint() throws Exception {
        io.restassured.path.json.JsonPath document = given().when().get("/openapi").then().statusCode(200).extract()
                .jsonPath();
        Object example = document.get("paths.'/api/v1/sales-events'.post.requestBody.content.'application/json'"
                + ".examples.batch.value");
        org.junit.jupiter.api.Assertions.assertNotNull(example, "no example batch in the merged document");
        org.junit.jupiter.api.Assertions.assertNotNull(document.get("paths.'/api/v1/sales-events'.post.responses.'200'"),
                "the answer it gets is documented");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode batch = json.valueToTree(example);
        for (com.fasterxml.jackson.databind.JsonNode event : batch.path("events")) {
            // the request schema of this operation is the contract every consumer validates against
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(),
                    com.example.mkt.contracts.SalesRecordedContract.refusal("1", event, "CNY"), event.toString());
            org.junit.jupiter.api.Assertions.assertTrue(event.path("occurredAt").asText().endsWith("+08:00"),
                    "Asia/Shanghai times: " + event);
        }
        String body = json.writeValueAsString(batch);
        for (String expected : new String[] {"ACCEPTED", "DUPLICATE"}) {
            given().header("X-Api-Key", GatewayTestResource.posKey()).contentType("application/json").body(body)
                    .when().post("/api/v1/sales-events").then().statusCode(200)
                    .body("results.status", org.hamcrest.Matchers.everyItem(equalTo(expected)))
                    .body("results.size()", equalTo(batch.path("events").size()));
        }
    }

    @Test
    void swaggerUiReadsIt() {
        given().when().get("/docs").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("url: '/openapi'"));
        given().when().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
