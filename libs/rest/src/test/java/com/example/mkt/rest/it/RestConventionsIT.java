package com.example.mkt.rest.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The REST conventions of docs/api.md, through a stand-in resource, with real tokens and a real org tree. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RestConventionsIT {

    private static final String NANCHANG_STAFF = TestTokens.bearer("staff", "B-NANCHANG");
    private static final String EAST_MANAGER = TestTokens.bearer("manager", "R-EAST");
    private static final String ANALYST = TestTokens.bearer("analyst", "HQ");

    @Inject
    OrgDirectory directory;
    @Inject
    EventCodec codec;

    @BeforeAll
    static void orgTree() {
        // Published as planning-service would, keyed by unit code.
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            unit(kafka, "HQ", "总部", "HQ", null);
            unit(kafka, "R-EAST", "华东大区", "REGION", "HQ");
            unit(kafka, "R-WEST", "西部大区", "REGION", "HQ");
            unit(kafka, "B-NANCHANG", "南昌分公司", "BRANCH", "R-EAST");
            unit(kafka, "B-CHENGDU", "成都分公司", "BRANCH", "R-WEST");
        }
    }

    private static void unit(KafkaTestClient kafka, String code, String name, String kind, String parent) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("name", name);
        data.put("kind", kind);
        data.put("parent", parent);
        data.put("active", true);
        data.put("version", 1);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().valueToTree(
                new EventEnvelope("1.0", UUID.randomUUID().toString(), "/planning-service", "org-unit.created", "1",
                        null, OffsetDateTime.now(), code, "application/json",
                        new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(data))).toString();
        kafka.send("planning.events", code, json);
    }

    private void awaitTree() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (directory.subtree("R-EAST").contains("B-NANCHANG") && directory.exists("B-CHENGDU")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("org tree not replicated");
    }

    private String create(String token, String org, String name) throws InterruptedException {
        awaitTree();
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "orgUnit", org, "price", "12500.00"))
                .when().post("/api/v1/widgets").then().statusCode(201).extract().path("id");
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        given().when().get("/api/v1/widgets").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("type", equalTo("/problems/unauthenticated"));
    }

    @Test
    void expiredOrForgedTokensAre401() {
        given().header("Authorization", "Bearer " + TestTokens.expired("staff", "B-NANCHANG"))
                .when().get("/api/v1/widgets").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.forged("gm", "HQ"))
                .when().get("/api/v1/widgets").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.jwt")
                .when().get("/api/v1/widgets").then().statusCode(401).contentType("application/problem+json");
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void aTokenVerifiedOnceIsRememberedAndAForgedOneNever() {
        String token = "Bearer " + TestTokens.token("analyst", "HQ", "remembered-" + UUID.randomUUID(), Duration.ofHours(1));
        double hits = registry.counter("rest.verified_tokens", "result", "hit").count();
        double misses = registry.counter("rest.verified_tokens", "result", "miss").count();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token).when().get("/api/v1/widgets").then().statusCode(200);
        }
        assertEquals(misses + 1, registry.counter("rest.verified_tokens", "result", "miss").count());
        assertEquals(hits + 2, registry.counter("rest.verified_tokens", "result", "hit").count());
        String forged = "Bearer " + TestTokens.forged("gm", "HQ");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", forged).when().get("/api/v1/widgets").then().statusCode(401);
        }
        assertEquals(hits + 2, registry.counter("rest.verified_tokens", "result", "hit").count());
    }

    @Test
    void theApiDocumentSaysWhatEveryOperationCanAnswer() {
        io.restassured.path.json.JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> schemes = doc.getMap("components.securitySchemes");
        assertEquals(java.util.Set.of("bearer"), schemes.keySet());
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                operations++;
                String where = op.getKey() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.getValue()
                        .get("responses");
                for (String code : java.util.List.of("401", "403", "500", "503")) {
                    org.junit.jupiter.api.Assertions.assertTrue(responses.containsKey(code), where + " lacks " + code);
                }
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        assertEquals("{application/problem+json={schema={$ref=#/components/schemas/Problem}}}",
                                String.valueOf(response.get("content")), where + " " + code);
                    }
                });
                @SuppressWarnings("unchecked")
                java.util.List<Map<String, Object>> security = (java.util.List<Map<String, Object>>) op.getValue()
                        .get("security");
                security.forEach(requirement -> assertEquals(java.util.Set.of("bearer"), requirement.keySet(), where));
                if (op.getKey().equals("post")) {
                    org.junit.jupiter.api.Assertions.assertTrue(String.valueOf(op.getValue().get("parameters"))
                            .contains("Idempotency-Key"), where + " does not document Idempotency-Key");
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(operations >= 4, "operations: " + operations);
        assertEquals("[type, title, status]", String.valueOf(doc.getList("components.schemas.Problem.required")));
    }

    @Test
    void theWrongRoleIs403() {
        given().header("Authorization", TestTokens.bearer("ops", "HQ")).when().get("/api/v1/widgets")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", ANALYST).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "orgUnit", "HQ", "price", "1.00"))
                .when().post("/api/v1/widgets").then().statusCode(403);
    }

    @Test
    void aUnitNotKnownHereMayStillBePropagating() {
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "orgUnit", "B-CREATED-A-MOMENT-AGO", "price", "1.00"))
                .when().post("/api/v1/widgets").then().statusCode(422).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("errors[0].field", equalTo("orgUnit"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("may still be propagating"));
    }

    @Test
    void invalidFieldsAreNamed() {
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body(Map.of("name", "", "orgUnit", "B-NANCHANG", "price", "12.5"))
                .when().post("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("name", "price"))
                .body("errors.message", hasItem("must be a decimal string with 2 decimals"));
    }

    @Test
    void controlCharactersAre400NamingWhereTheyCameIn() {
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body("{\"name\": \"a\\u0000b\", \"orgUnit\": \"B-NANCHANG\", \"price\": \"1.00\"}")
                .when().post("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().header("Authorization", NANCHANG_STAFF).queryParam("cursor", "AAAA")
                .when().get("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", NANCHANG_STAFF).urlEncodingEnabled(false).queryParam("limit", "%00")
                .when().get("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", NANCHANG_STAFF).urlEncodingEnabled(false)
                .when().get("/api/v1/widgets/a%00b").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        // tab, line feed and carriage return are text
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body("{\"name\": \"a\\tb\", \"orgUnit\": \"B-NANCHANG\", \"price\": \"1.00\"}")
                .when().post("/api/v1/widgets").then().statusCode(201);
    }

    @Test
    void aRepeatedKeyIs400NamingIt() {
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"orgUnit\": \"B-NANCHANG\", \"price\": \"1.00\", \"name\": \"b\"}")
                .when().post("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("this key appears more than once in its object"));
    }

    @Test
    void aHugeListIsRefusedWhileReadAndTheServiceLives() {
        String ones = String.join(",", java.util.Collections.nCopies(100_000, "1"));
        String body = "{\"name\": \"a\", \"orgUnit\": \"B-NANCHANG\", \"price\": \"1.00\", \"phones\": [" + ones + "]}";
        String answer = given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("phones"))
                .body("errors[0].message", equalTo("at most 1000 elements")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(answer.length() < 2_000, answer);
        given().header("Authorization", NANCHANG_STAFF).when().get("/api/v1/widgets").then().statusCode(200);
    }

    @Test
    void manyInvalidElementsAreReportedUpToACap() {
        String bad = String.join(",", java.util.Collections.nCopies(1_000, "\"x\""));
        String body = "{\"name\": \"a\", \"orgUnit\": \"B-NANCHANG\", \"price\": \"1.00\", \"phones\": [" + bad + "]}";
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(20)).body("detail", startsWith("1001 fields are invalid"));
    }

    @Test
    void anOversizedBodyIs413ProblemJson() {
        String body = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/widgets").then().statusCode(413);
    }

    @Test
    void malformedJsonIs400NotA500() {
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body("{\"name\": {\"a\": 1}, \"orgUnit\": \"B-NANCHANG\", \"price\": \"1.00\"}")
                .when().post("/api/v1/widgets").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void createReadAndUpdateWithETags() throws Exception {
        String id = create(NANCHANG_STAFF, "B-NANCHANG", "南昌·旅游险");
        String etag = given().header("Authorization", NANCHANG_STAFF).when().get("/api/v1/widgets/" + id)
                .then().statusCode(200).body("name", equalTo("南昌·旅游险")).body("price", equalTo("12500.00"))
                .header("ETag", notNullValue()).extract().header("ETag");
        Map<String, String> rename = Map.of("name", "新名字", "orgUnit", "B-NANCHANG", "price", "1.00");
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON).body(rename)
                .when().put("/api/v1/widgets/" + id).then().statusCode(428);
        given().header("Authorization", NANCHANG_STAFF).header("If-Match", etag).contentType(ContentType.JSON)
                .body(rename).when().put("/api/v1/widgets/" + id).then().statusCode(200).body("name", equalTo("新名字"));
        given().header("Authorization", NANCHANG_STAFF).header("If-Match", etag).contentType(ContentType.JSON)
                .body(rename).when().put("/api/v1/widgets/" + id).then().statusCode(412)
                .contentType("application/problem+json").header("ETag", not(equalTo(etag)));
    }

    @Test
    void illegalTransitionsAre409WithWhatIsAllowed() throws Exception {
        String id = create(NANCHANG_STAFF, "B-NANCHANG", "w");
        given().header("Authorization", NANCHANG_STAFF).when().post("/api/v1/widgets/" + id + "/archive")
                .then().statusCode(200);
        given().header("Authorization", NANCHANG_STAFF).when().post("/api/v1/widgets/" + id + "/archive")
                .then().statusCode(409).body("allowed", contains("restore"));
    }

    @Test
    void orgScopeHidesOtherBranches() throws Exception {
        String chengdu = create(TestTokens.bearer("staff", "B-CHENGDU"), "B-CHENGDU", "cd");
        String nanchang = create(NANCHANG_STAFF, "B-NANCHANG", "nc");
        given().header("Authorization", NANCHANG_STAFF).when().get("/api/v1/widgets/" + chengdu)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", EAST_MANAGER).when().get("/api/v1/widgets/" + nanchang).then().statusCode(200);
        given().header("Authorization", EAST_MANAGER).when().get("/api/v1/widgets/" + chengdu).then().statusCode(404);
        given().header("Authorization", ANALYST).when().get("/api/v1/widgets/" + chengdu).then().statusCode(200);
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "orgUnit", "B-CHENGDU", "price", "1.00"))
                .when().post("/api/v1/widgets").then().statusCode(403);
        given().header("Authorization", NANCHANG_STAFF).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "orgUnit", "B-NOWHERE", "price", "1.00"))
                .when().post("/api/v1/widgets").then().statusCode(422).body("errors[0].field", equalTo("orgUnit"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() throws Exception {
        awaitTree();
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "幂等", "orgUnit", "B-NANCHANG", "price", "3.00");
        String first = given().header("Authorization", NANCHANG_STAFF).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");
        String location = given().header("Authorization", NANCHANG_STAFF).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/widgets")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .body("name", equalTo("幂等")).extract().header("Location");
        assertEquals(true, location.endsWith("/api/v1/widgets/" + first));
        given().header("Authorization", NANCHANG_STAFF).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("name", "other", "orgUnit", "B-NANCHANG", "price", "3.00"))
                .when().post("/api/v1/widgets").then().statusCode(422);
        // Keys belong to their caller: someone else's identical key is a new request.
        given().header("Authorization", EAST_MANAGER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/widgets").then().statusCode(201).body("id", not(equalTo(first)));
    }

    @Test
    void listsPageWithOpaqueCursors() throws Exception {
        String org = "B-NANCHANG";
        for (int i = 0; i < 3; i++) {
            create(NANCHANG_STAFF, org, "page-" + i);
        }
        String cursor = given().header("Authorization", NANCHANG_STAFF).queryParam("limit", 2)
                .when().get("/api/v1/widgets").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().header("Authorization", NANCHANG_STAFF).queryParam("limit", 500).queryParam("cursor", cursor)
                .when().get("/api/v1/widgets").then().statusCode(200).body("nextCursor", nullValue());
        given().header("Authorization", NANCHANG_STAFF).queryParam("limit", 501).when().get("/api/v1/widgets")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", NANCHANG_STAFF).queryParam("limit", "abc").queryParam("cursor", "x").when()
                .get("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", NANCHANG_STAFF).queryParam("limit", 0).when().get("/api/v1/widgets")
                .then().statusCode(400);
        given().header("Authorization", NANCHANG_STAFF).queryParam("cursor", "%%%").when().get("/api/v1/widgets")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().header("Authorization", NANCHANG_STAFF).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", NANCHANG_STAFF).when().get("/api/v1/widgets/no-such-id")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", NANCHANG_STAFF).when().delete("/api/v1/widgets")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void unexpectedErrorsHideTheirInternals() {
        given().header("Authorization", NANCHANG_STAFF).when().get("/api/v1/widgets/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", startsWith("The request failed on our side"))
                .body(not(org.hamcrest.Matchers.containsString("secret internals")));
    }
}
