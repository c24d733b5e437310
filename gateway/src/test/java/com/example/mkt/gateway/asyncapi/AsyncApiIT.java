package com.example.mkt.gateway.asyncapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The event API document, public beside /openapi, in JSON and YAML, with every schema it names served. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AsyncApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servesTheDocumentToAnyoneAsJson() throws Exception {
        String body = given().when().get("/asyncapi").then().statusCode(200).contentType("application/json")
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.'sales.events'.address", equalTo("sales.events"))
                .body("channels.'sales.events.dlq'.messages.'dead-letter'.'$ref'", equalTo("#/components/messages/dead-letter"))
                .body("operations.'gateway.send.sales.events'.action", equalTo("send"))
                .extract().asString();
        JsonNode served = JSON.readTree(body);
        assertEquals(List.of(), AsyncApiRules.violations(served));
        assertEquals(served, JSON.readTree(given().when().get("/asyncapi?format=json").then().statusCode(200)
                .extract().asString()));
    }

    @Test
    void servesTheSameDocumentAsYaml() throws Exception {
        JsonNode json = JSON.readTree(given().when().get("/asyncapi").then().extract().asString());
        for (var request : List.of(given().queryParam("format", "yaml"), given().accept("application/yaml"))) {
            String yaml = request.when().get("/asyncapi").then().statusCode(200)
                    .contentType(startsWith("application/yaml")).extract().asString();
            assertTrue(yaml.startsWith("asyncapi: \"3.0.0\"") || yaml.startsWith("asyncapi: 3.0.0"), yaml.substring(0, 40));
            assertEquals(json, new YAMLMapper().readTree(yaml));
        }
        String file = given().when().get("/asyncapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertEquals(json, new YAMLMapper().readTree(file));
    }

    @Test
    void refusesAnUnknownFormat() {
        given().when().get("/asyncapi?format=xml").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("json or yaml"));
    }

    @Test
    void servesEverySchemaTheDocumentNamesAsItsProducerWroteIt() throws Exception {
        JsonNode document = JSON.readTree(given().when().get("/asyncapi").then().extract().asString());
        List<String> missing = new ArrayList<>();
        for (JsonNode schema : document.path("components").path("schemas")) {
            String served = schema.path("x-source").path("served").asText(null);
            if (served != null) {
                var answer = given().when().get(served);
                if (answer.statusCode() != 200 || !answer.contentType().startsWith("application/schema+json")) {
                    missing.add(served + " answered " + answer.statusCode());
                } else if (!schema.path("x-source").path("id").asText().equals(JSON.readTree(answer.asString())
                        .path("$id").asText())) {
                    missing.add(served + " is another schema");
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(document.path("components").path("schemas").size() > 60);
    }

    @Test
    void servesNoOtherFile() {
        given().when().get("/asyncapi/schemas/award-rules.v1.json").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/asyncapi/schemas/catalogue.yaml").then().statusCode(404);
        given().when().get("/asyncapi/schemas/..%2Fcatalogue.yaml").then().statusCode(404);
    }

    @Test
    void theDocsPageLinksIt() {
        given().when().get("/docs").then().statusCode(200)
                .body(containsString("href=\"/asyncapi\""), containsString("href=\"/asyncapi.yaml\""));
    }
}
