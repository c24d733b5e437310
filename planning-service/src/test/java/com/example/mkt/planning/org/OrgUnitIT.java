package com.example.mkt.planning.org;

import static com.example.mkt.planning.it.Api.GM;
import static com.example.mkt.planning.it.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.planning.it.Api;
import com.example.mkt.planning.it.OutboxEvents;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The org tree through its API: rules, conventions, scope and the org-unit events every service replicates. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OrgUnitIT {

    private static final String BASE = "/api/v1/org-units";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void tree() {
        Api.hq();
        Api.unit("R-OU-EAST", "华东大区", "REGION", "HQ");
        Api.unit("R-OU-WEST", "西部大区", "REGION", "HQ");
        Api.unit("B-OU-NANCHANG", "南昌分公司", "BRANCH", "R-OU-EAST");
        Api.unit("B-OU-CHENGDU", "成都分公司", "BRANCH", "R-OU-WEST");
    }

    @Test
    void createAnswers201WithLocationETagAndChineseNameRoundTrips() {
        String name = "南昌·青山湖区营销一组（试点）";
        as(GM).body(Map.of("code", "T-OU-QSH-1", "name", name, "kind", "TEAM", "parent", "B-OU-NANCHANG"))
                .post(BASE).then().statusCode(201)
                .header("Location", endsWith(BASE + "/T-OU-QSH-1")).header("ETag", "\"0\"")
                .body("code", equalTo("T-OU-QSH-1")).body("name", equalTo(name)).body("kind", equalTo("TEAM"))
                .body("parent", equalTo("B-OU-NANCHANG")).body("active", equalTo(true))
                .body("updatedAt", org.hamcrest.Matchers.endsWith("+08:00"));
        as(TestTokens.bearer("staff", "B-OU-NANCHANG")).get(BASE + "/T-OU-QSH-1").then().statusCode(200)
                .body("name", equalTo(name));
    }

    @Test
    void malformedInputIs400NamingTheFields() {
        as(GM).body(Map.of("code", "bad code", "name", "", "parent", "HQ")).post(BASE).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("code", "kind", "name"));
        as(GM).body("{\"code\":\"R-X\",\"name\":\"x\",\"kind\":\"GALAXY\",\"parent\":\"HQ\"}").post(BASE).then()
                .statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void treeRulesAre422NamingTheField() {
        as(GM).body(Map.of("code", "T-OU-BAD", "name", "错层小组", "kind", "TEAM", "parent", "R-OU-EAST"))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("parent"));
        as(GM).body(Map.of("code", "B-OU-ORPHAN", "name", "孤儿", "kind", "BRANCH", "parent", "R-NOWHERE"))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("parent"));
        as(GM).body(Map.of("code", "HQ-2", "name", "第二总部", "kind", "HQ")).post(BASE).then().statusCode(422)
                .body("errors.field", hasItem("kind"));
        as(GM).body(Map.of("code", "B-OU-NANCHANG", "name", "重复", "kind", "BRANCH", "parent", "R-OU-EAST"))
                .post(BASE).then().statusCode(409);
    }

    @Test
    void authenticationRolesAndScope() {
        given().get(BASE).then().statusCode(401).contentType("application/problem+json");
        as(TestTokens.bearer("ops", "HQ")).get(BASE).then().statusCode(403);
        as(TestTokens.bearer("manager", "R-OU-EAST"))
                .body(Map.of("code", "T-OU-NOPE", "name", "x", "kind", "TEAM", "parent", "B-OU-NANCHANG"))
                .post(BASE).then().statusCode(403);
        as(GM).get(BASE + "/NO-SUCH-UNIT").then().statusCode(404).contentType("application/problem+json");
        String nanchang = TestTokens.bearer("staff", "B-OU-NANCHANG");
        as(nanchang).get(BASE + "/B-OU-CHENGDU").then().statusCode(404);
        as(nanchang).get(BASE + "/R-OU-EAST").then().statusCode(404);
        as(TestTokens.bearer("analyst", "HQ")).get(BASE + "/B-OU-CHENGDU").then().statusCode(200);
        as(nanchang).get(BASE).then().statusCode(200).body("items.code", not(hasItem("B-OU-CHENGDU")))
                .body("items.code", hasItem("B-OU-NANCHANG"));
    }

    @Test
    void renameNeedsIfMatchAndRejectsStaleETags() {
        Api.unit("T-OU-RENAME", "旧名字", "TEAM", "B-OU-NANCHANG");
        String etag = Api.etag(BASE + "/T-OU-RENAME", GM);
        as(GM).body(Map.of("name", "新名字")).put(BASE + "/T-OU-RENAME").then().statusCode(428);
        String next = as(GM).header("If-Match", etag).body(Map.of("name", "新名字")).put(BASE + "/T-OU-RENAME")
                .then().statusCode(200).body("name", equalTo("新名字")).header("ETag", not(equalTo(etag)))
                .extract().header("ETag");
        as(GM).header("If-Match", etag).body(Map.of("name", "又一个")).put(BASE + "/T-OU-RENAME").then()
                .statusCode(412).header("ETag", equalTo(next));
        as(GM).header("If-Match", next).body(Map.of("name", " ")).put(BASE + "/T-OU-RENAME").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aMoveIsInScopeAtOnceAndCyclesAreRefused() {
        Api.unit("B-OU-MOVER", "九江分公司", "BRANCH", "R-OU-EAST");
        Api.unit("T-OU-MOVER-1", "九江一组", "TEAM", "B-OU-MOVER");
        String west = TestTokens.bearer("manager", "R-OU-WEST");
        as(west).get(BASE + "/T-OU-MOVER-1").then().statusCode(404);
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-MOVER", GM)).body(Map.of("parent", "R-OU-WEST"))
                .post(BASE + "/B-OU-MOVER/move").then().statusCode(200).body("parent", equalTo("R-OU-WEST"));
        as(west).get(BASE + "/T-OU-MOVER-1").then().statusCode(200);
        as(TestTokens.bearer("manager", "R-OU-EAST")).get(BASE + "/B-OU-MOVER").then().statusCode(404);
        // A branch under its own team, and a team under a region, are not trees this company has.
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-MOVER", GM)).body(Map.of("parent", "T-OU-MOVER-1"))
                .post(BASE + "/B-OU-MOVER/move").then().statusCode(422).body("errors.field", hasItem("parent"));
        as(GM).header("If-Match", Api.etag(BASE + "/T-OU-MOVER-1", GM)).body(Map.of("parent", "R-OU-WEST"))
                .post(BASE + "/T-OU-MOVER-1/move").then().statusCode(422);
    }

    @Test
    void deactivationNeedsInactiveChildrenAndIsA409WhenRepeated() {
        Api.unit("B-OU-RETIRE", "赣州分公司", "BRANCH", "R-OU-EAST");
        Api.unit("T-OU-RETIRE-1", "赣州一组", "TEAM", "B-OU-RETIRE");
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-RETIRE", GM)).post(BASE + "/B-OU-RETIRE/deactivate")
                .then().statusCode(409).contentType("application/problem+json");
        as(GM).header("If-Match", Api.etag(BASE + "/T-OU-RETIRE-1", GM)).post(BASE + "/T-OU-RETIRE-1/deactivate")
                .then().statusCode(200).body("active", equalTo(false));
        as(GM).header("If-Match", Api.etag(BASE + "/T-OU-RETIRE-1", GM)).post(BASE + "/T-OU-RETIRE-1/deactivate")
                .then().statusCode(409).body("allowed", contains("reactivate"));
        // Still readable: historic data keeps its owner in scope.
        as(TestTokens.bearer("manager", "B-OU-RETIRE")).get(BASE + "/T-OU-RETIRE-1").then().statusCode(200);
        // Nothing new is assigned to it.
        Map<String, Object> staff = Map.of("id", "s-ou-retired", "name", "张三", "login", "s-ou-retired",
                "orgUnit", "T-OU-RETIRE-1", "roles", List.of("staff"), "onDutyFrom", "2026-01-01");
        as(GM).body(staff).post("/api/v1/staff").then().statusCode(422).body("errors[0].field", equalTo("orgUnit"));
        as(GM).header("If-Match", Api.etag(BASE + "/T-OU-RETIRE-1", GM)).post(BASE + "/T-OU-RETIRE-1/reactivate")
                .then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void listsPageByCodeAndFilterByParent() {
        for (int i = 1; i <= 3; i++) {
            Api.unit("T-OU-PAGE-" + i, "翻页" + i + "组", "TEAM", "B-OU-CHENGDU");
        }
        String cursor = as(GM).queryParam("parent", "B-OU-CHENGDU").queryParam("limit", 2).get(BASE).then()
                .statusCode(200).body("items.code", contains("T-OU-PAGE-1", "T-OU-PAGE-2"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(GM).queryParam("parent", "B-OU-CHENGDU").queryParam("limit", 2).queryParam("cursor", cursor).get(BASE)
                .then().statusCode(200).body("items.code", contains("T-OU-PAGE-3")).body("nextCursor", nullValue());
        as(GM).queryParam("limit", 501).get(BASE).then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("code", "T-OU-IDEM", "name", "幂等组", "kind", "TEAM", "parent",
                "B-OU-NANCHANG");
        as(GM).header("Idempotency-Key", key).body(body).post(BASE).then().statusCode(201);
        as(GM).header("Idempotency-Key", key).body(body).post(BASE).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("code", equalTo("T-OU-IDEM"));
        assertEquals(1, OutboxEvents.forKey(dataSource, "T-OU-IDEM").size());
    }

    @Test
    void everyChangePublishesTheWholeUnitWithARisingVersionKeyedByCode() {
        Api.unit("B-OU-EVENTS", "抚州分公司", "BRANCH", "R-OU-EAST");
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-EVENTS", GM)).body(Map.of("name", "抚州分公司（新）"))
                .put(BASE + "/B-OU-EVENTS").then().statusCode(200);
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-EVENTS", GM)).body(Map.of("parent", "HQ"))
                .post(BASE + "/B-OU-EVENTS/move").then().statusCode(200);
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-EVENTS", GM)).post(BASE + "/B-OU-EVENTS/deactivate")
                .then().statusCode(200);
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-EVENTS", GM)).post(BASE + "/B-OU-EVENTS/reactivate")
                .then().statusCode(200);

        List<OutboxEvents.Row> events = OutboxEvents.forKey(dataSource, "B-OU-EVENTS");
        assertEquals(List.of("org-unit.created", "org-unit.updated", "org-unit.moved", "org-unit.deactivated",
                "org-unit.reactivated"), events.stream().map(OutboxEvents.Row::type).toList());
        long previous = -1;
        for (OutboxEvents.Row e : events) {
            e.assertSchemaValid();
            assertEquals("planning.events", e.topic());
            assertEquals("B-OU-EVENTS", e.envelope().get("subject").asText());
            assertEquals("1", e.envelope().get("dataversion").asText());
            assertEquals(List.of("code", "name", "kind", "parent", "active", "version"),
                    iterable(e.data().fieldNames()));
            long version = e.data().get("version").asLong();
            assertTrue(version > previous, "versions rise: " + events);
            previous = version;
        }
        JsonNode last = events.get(4).data();
        assertEquals("抚州分公司（新）", last.get("name").asText());
        assertEquals("HQ", last.get("parent").asText());
        assertEquals(true, last.get("active").asBoolean());
        assertEquals(false, events.get(3).data().get("active").asBoolean());

        // The relay delivers them to Kafka keyed by the unit code.
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> seen = kafka.readUntil("planning.events",
                    records -> records.stream().filter(r -> "B-OU-EVENTS".equals(r.key())).count() >= 5,
                    Duration.ofSeconds(60));
            assertTrue(seen.stream().filter(r -> "B-OU-EVENTS".equals(r.key()))
                    .allMatch(r -> r.value().contains("\"subject\":\"B-OU-EVENTS\"")));
        }
    }

    @Test
    void theReplicaOfThisServiceIgnoresARedeliveredEvent() throws Exception {
        Api.unit("B-OU-REPLAY", "上饶分公司", "BRANCH", "R-OU-EAST");
        as(GM).header("If-Match", Api.etag(BASE + "/B-OU-REPLAY", GM)).body(Map.of("name", "上饶分公司（改）"))
                .put(BASE + "/B-OU-REPLAY").then().statusCode(200);
        List<OutboxEvents.Row> events = OutboxEvents.forKey(dataSource, "B-OU-REPLAY");
        String createdId = events.get(0).envelope().get("id").asText();
        awaitInbox(events.get(1).envelope().get("id").asText());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            // The old "created" again, then a marker on the same key: once the marker is in, the replay was seen.
            kafka.send("planning.events", "B-OU-REPLAY", events.get(0).envelope().toString());
            ObjectMapper mapper = new ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode marker = events.get(0).envelope().deepCopy();
            String markerId = UUID.randomUUID().toString();
            marker.put("id", markerId).put("type", "planning.test-marker");
            kafka.send("planning.events", "B-OU-REPLAY", mapper.writeValueAsString(marker));
            awaitInbox(markerId);
        }
        assertEquals(1, count("SELECT count(*) FROM eventing_inbox WHERE event_id = '" + createdId + "'"));
        assertEquals(1, count("SELECT count(*) FROM org_unit_ref WHERE code = 'B-OU-REPLAY' AND name = '上饶分公司（改）'"
                + " AND version = 1"));
    }

    private void awaitInbox(String eventId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (count("SELECT count(*) FROM eventing_inbox WHERE event_id = '" + eventId + "'") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("event " + eventId + " not consumed");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
