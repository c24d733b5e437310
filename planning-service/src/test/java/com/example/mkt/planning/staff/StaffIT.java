package com.example.mkt.planning.staff;

import static com.example.mkt.planning.it.Api.GM;
import static com.example.mkt.planning.it.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.planning.it.Api;
import com.example.mkt.planning.it.OutboxEvents;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class StaffIT {

    private static final String BASE = "/api/v1/staff";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @BeforeEach
    void tree() {
        Api.hq();
        Api.unit("R-ST-EAST", "华东大区", "REGION", "HQ");
        Api.unit("B-ST-NANCHANG", "南昌分公司", "BRANCH", "R-ST-EAST");
        Api.unit("B-ST-JIUJIANG", "九江分公司", "BRANCH", "R-ST-EAST");
    }

    private static Map<String, Object> person(String id, String name, String org) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("login", id + "-login");
        body.put("orgUnit", org);
        body.put("roles", List.of("staff"));
        body.put("onDutyFrom", "2026-01-05");
        return body;
    }

    @Test
    void aManagerRegistersStaffOfTheirBranchAndTheChineseNameRoundTrips() {
        String manager = TestTokens.bearer("manager", "B-ST-NANCHANG");
        as(manager).body(person("s-st-001", "欧阳·晓燕", "B-ST-NANCHANG")).post(BASE).then().statusCode(201)
                .header("Location", endsWith(BASE + "/s-st-001")).header("ETag", notNullValue())
                .body("name", equalTo("欧阳·晓燕")).body("roles", contains("staff")).body("onDuty", equalTo(true));
        as(manager).get(BASE + "/s-st-001").then().statusCode(200).body("name", equalTo("欧阳·晓燕"));
        as(manager).body(person("s-st-001", "重复", "B-ST-NANCHANG")).post(BASE).then().statusCode(409);
        // Another branch is outside this manager's scope.
        as(manager).body(person("s-st-002", "李四", "B-ST-JIUJIANG")).post(BASE).then().statusCode(403);
        as(manager).body(person("s-st-003", "王五", "B-NOWHERE")).post(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("orgUnit"));
    }

    @Test
    void conventions() {
        given().get(BASE).then().statusCode(401);
        as(TestTokens.bearer("staff", "B-ST-NANCHANG")).body(person("s-st-010", "赵六", "B-ST-NANCHANG")).post(BASE)
                .then().statusCode(403);
        Map<String, Object> bad = person("bad id!", "", "B-ST-NANCHANG");
        bad.put("roles", List.of("boss"));
        bad.remove("onDutyFrom");
        as(GM).body(bad).post(BASE).then().statusCode(400)
                .body("errors.field", hasItems("id", "name", "onDutyFrom"))
                .body("errors.field", hasItem(startsWith("roles")));
        as(GM).get(BASE + "/s-st-nobody").then().statusCode(404);
        Api.staff("s-st-020", "钱七", "B-ST-JIUJIANG", "2026-01-01", "staff");
        as(TestTokens.bearer("manager", "B-ST-NANCHANG")).get(BASE + "/s-st-020").then().statusCode(404);
        Map<String, Object> backwards = person("s-st-021", "孙八", "B-ST-NANCHANG");
        backwards.put("onDutyUntil", "2025-12-31");
        as(GM).body(backwards).post(BASE).then().statusCode(400).body("errors[0].field", equalTo("onDutyUntil"));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        Api.staff("s-st-030", "周九", "B-ST-NANCHANG", "2026-01-01", "staff");
        String etag = Api.etag(BASE + "/s-st-030", GM);
        Map<String, Object> body = person("s-st-030", "周九", "B-ST-JIUJIANG");
        body.remove("id");
        body.put("onDutyUntil", "2026-06-30");
        as(GM).body(body).put(BASE + "/s-st-030").then().statusCode(428);
        as(GM).header("If-Match", etag).body(body).put(BASE + "/s-st-030").then().statusCode(200)
                .body("orgUnit", equalTo("B-ST-JIUJIANG")).body("onDutyUntil", equalTo("2026-06-30"));
        as(GM).header("If-Match", etag).body(body).put(BASE + "/s-st-030").then().statusCode(412);
    }

    @Test
    void listsPageWithinScope() {
        Api.unit("B-ST-PAGING", "景德镇分公司", "BRANCH", "R-ST-EAST");
        for (int i = 1; i <= 3; i++) {
            Api.staff("s-st-page-" + i, "翻页" + i, "B-ST-PAGING", "2026-01-01", "staff");
        }
        String paging = TestTokens.bearer("supervisor", "B-ST-PAGING");
        String cursor = as(paging).queryParam("limit", 2).get(BASE).then()
                .statusCode(200).body("items.id", contains("s-st-page-1", "s-st-page-2")).extract().path("nextCursor");
        as(paging).queryParam("limit", 10).queryParam("cursor", cursor).get(BASE).then().statusCode(200)
                .body("items.id", contains("s-st-page-3")).body("nextCursor", nullValue());
        as(GM).queryParam("orgUnit", "B-ST-PAGING").get(BASE).then().statusCode(200)
                .body("items.id", contains("s-st-page-1", "s-st-page-2", "s-st-page-3"));
    }

    @Test
    void joiningChangesAndLeavingArePublishedWithTheWholeState() {
        String manager = TestTokens.bearer("manager", "B-ST-NANCHANG");
        Map<String, Object> body = person("s-st-040", "吴十", "B-ST-NANCHANG");
        as(manager).body(body).post(BASE).then().statusCode(201).body("active", equalTo(true));
        String path = BASE + "/s-st-040";
        body.remove("id");
        // Nothing changed: nothing to publish.
        as(manager).header("If-Match", Api.etag(path, manager)).body(body).put(path).then().statusCode(200);
        body.put("roles", List.of("staff", "supervisor"));
        as(manager).header("If-Match", Api.etag(path, manager)).body(body).put(path).then().statusCode(200);
        as(manager).body(Map.of("until", "2026-06-30")).post(path + "/deactivate").then().statusCode(428);
        as(TestTokens.bearer("manager", "B-ST-JIUJIANG")).header("If-Match", Api.etag(path, manager))
                .body(Map.of()).post(path + "/deactivate").then().statusCode(404);
        as(manager).header("If-Match", Api.etag(path, manager)).body(Map.of("until", "2026-06-30"))
                .post(path + "/deactivate").then().statusCode(200).body("active", equalTo(false))
                .body("onDutyUntil", equalTo("2026-06-30"));
        as(manager).header("If-Match", Api.etag(path, manager)).body(Map.of()).post(path + "/deactivate").then()
                .statusCode(409).body("allowed", empty());

        List<OutboxEvents.Row> events = OutboxEvents.forKey(dataSource, "s-st-040");
        assertEquals(List.of("staff.created", "staff.updated", "staff.deactivated"),
                events.stream().map(OutboxEvents.Row::type).toList());
        events.forEach(OutboxEvents.Row::assertSchemaValid);
        events.forEach(e -> assertEquals("planning.events", e.topic()));
        assertEquals(List.of("staff", "supervisor"), MAPPER.convertValue(events.get(1).data().get("roles"), List.class));
        assertEquals("B-ST-NANCHANG", events.get(2).data().get("orgUnit").asText());
        assertFalse(events.get(2).data().get("active").asBoolean());
        assertTrue(events.get(2).data().get("version").asLong() > events.get(1).data().get("version").asLong());
    }
}
