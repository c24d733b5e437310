package com.example.mkt.campaign.it;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.example.mkt.campaign.it.Fixtures.ANALYST;
import static com.example.mkt.campaign.it.Fixtures.DIRECTOR;
import static com.example.mkt.campaign.it.Fixtures.GM;
import static com.example.mkt.campaign.it.Fixtures.MANAGER_HQ;
import static com.example.mkt.campaign.it.Fixtures.PLANNER;
import static com.example.mkt.campaign.it.Fixtures.campaignBody;
import static com.example.mkt.campaign.it.Fixtures.create;
import static com.example.mkt.campaign.it.Fixtures.post;
import static com.example.mkt.campaign.it.Fixtures.target;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The campaign API: template CRUD, branch allocations and the lifecycle with its chain of reviewer roles. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class CampaignApiIT {

    @Inject
    OrgDirectory directory;
    @Inject
    com.example.mkt.campaign.lifecycle.PilotWatch pilots;

    @Test
    void createReadAndUpdateWithETags() {
        String code = "C-" + Fixtures.suffix();
        var created = post(PLANNER, "/api/v1/campaigns", campaignBody(code, "HQ")).statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("state", equalTo("DRAFT")).body("theme", equalTo("保游无忧,同行天下"))
                .body("products[0].name", equalTo("旅游意外险"))
                .body("budgetLines[0].amount", equalTo("12500.00")).body("budgetLines[0].currency", equalTo("CNY"))
                .body("budgetTotal.amount", equalTo("92500.00"))
                .body("awardRules.pool", equalTo("80000.00"))
                .body("allowedNext", containsInAnyOrder("SUBMITTED", "WITHDRAWN"))
                .body("createdAt", endsWith("+08:00"))
                .extract();
        String id = created.path("id");
        String path = "/api/v1/campaigns/" + id;
        assertEquals(true, created.header("Location").endsWith(path));

        Map<String, Object> changed = campaignBody(code, "HQ");
        changed.put("theme", "新主题·夏季");
        given().header("Authorization", PLANNER).contentType(ContentType.JSON).body(changed)
                .when().put(path).then().statusCode(428);
        given().header("Authorization", PLANNER).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(changed).when().put(path).then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", PLANNER).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(changed).when().put(path).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("theme", equalTo("新主题·夏季"));
        given().header("Authorization", ANALYST).when().get(path).then().statusCode(200)
                .body("theme", equalTo("新主题·夏季")).body("version", equalTo(1));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            var mine = kafka.readUntil("campaign.events", rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 2,
                    java.time.Duration.ofSeconds(60)).stream().filter(r -> id.equals(r.key())).toList();
            List<String> types = new java.util.ArrayList<>();
            for (var r : mine) {
                var event = SalesAttributionIT.read(r.value());
                types.add(event.path("type").asText());
                EventSchemas.assertValid("schemas/" + event.path("type").asText() + ".v1.json",
                        event.path("data").toString());
            }
            assertEquals(List.of("campaign.created", "campaign.updated"), types);
            assertEquals("新主题·夏季", SalesAttributionIT.read(mine.get(1).value()).path("data").path("theme").asText());
        }
    }

    @Test
    void invalidFieldsAreNamed() {
        Map<String, Object> body = campaignBody("C-" + Fixtures.suffix(), "HQ");
        body.put("theme", "");
        body.put("budgetLines", List.of(Map.of("name", "宣传", "amount", "-1.00")));
        body.put("products", List.of());
        post(PLANNER, "/api/v1/campaigns", body).statusCode(400).contentType("application/problem+json")
                // the element index is placed by libs/rest's ProblemMappers.field (today "budgetLines.amount[0]")
                .body("errors.field", hasItems("theme", "products"))
                .body("errors.field", hasItem(startsWith("budgetLines")));

        Map<String, Object> backwards = campaignBody("C-" + Fixtures.suffix(), "HQ");
        backwards.put("period", Map.of("start", "2026-10-31", "end", "2026-05-01"));
        post(PLANNER, "/api/v1/campaigns", backwards).statusCode(400).body("errors.field", hasItem("period.end"));

        Map<String, Object> outside = campaignBody("C-" + Fixtures.suffix(), "HQ");
        outside.put("subWindows", List.of(Map.of("name", "x", "start", "2026-11-01", "end", "2026-11-30")));
        post(PLANNER, "/api/v1/campaigns", outside).statusCode(400).body("errors.field", hasItem("subWindows[0]"));

        Map<String, Object> unknownOrg = campaignBody("C-" + Fixtures.suffix(), "NO-SUCH-UNIT");
        post(PLANNER, "/api/v1/campaigns", unknownOrg).statusCode(422).body("errors[0].field", equalTo("orgUnit"));

        given().header("Authorization", PLANNER).contentType(ContentType.JSON).body("{\"code\": ")
                .when().post("/api/v1/campaigns").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", PLANNER).queryParam("limit", 0).when().get("/api/v1/campaigns").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void duplicateCodeIs409() {
        String code = "C-" + Fixtures.suffix();
        create(PLANNER, campaignBody(code, "HQ"));
        post(PLANNER, "/api/v1/campaigns", campaignBody(code.toLowerCase(), "HQ")).statusCode(409);
    }

    @Test
    void authenticationAndRoles() {
        given().when().get("/api/v1/campaigns").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.expired("gm", "HQ")).when().get("/api/v1/campaigns")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("ops", "HQ")).when().get("/api/v1/campaigns").then()
                .statusCode(403).contentType("application/problem+json");
        post(ANALYST, "/api/v1/campaigns", campaignBody("C-" + Fixtures.suffix(), "HQ")).statusCode(403);
        post(TestTokens.bearer("staff", "HQ"), "/api/v1/campaigns", campaignBody("C-" + Fixtures.suffix(), "HQ"))
                .statusCode(403);
    }

    @Test
    void unknownAndOutOfScopeAre404AndListsFollowScope() {
        String sfx = Fixtures.suffix();
        String region = "R-" + sfx;
        String other = "R-O" + sfx;
        String branch = "B-1" + sfx;
        String otherBranch = "B-2" + sfx;
        Fixtures.tree(directory, region, List.of(branch));
        Fixtures.tree(directory, other, List.of(otherBranch));
        given().header("Authorization", GM).when().get("/api/v1/campaigns/nope").then().statusCode(404)
                .contentType("application/problem+json");

        String regionManager = TestTokens.bearer("manager", region);
        String a = create(regionManager, campaignBody("C-A" + sfx, region));
        String b = create(regionManager, campaignBody("C-B" + sfx, region));
        String c = create(regionManager, campaignBody("C-C" + sfx, region));
        create(TestTokens.bearer("manager", other), campaignBody("C-D" + sfx, other));
        // a manager may not create for a unit outside their scope
        post(regionManager, "/api/v1/campaigns", campaignBody("C-E" + sfx, other)).statusCode(403);

        given().header("Authorization", TestTokens.bearer("staff", otherBranch)).when().get("/api/v1/campaigns/" + a)
                .then().statusCode(404);

        // keyset pages of 2: exactly the region's three campaigns, each once
        var first = given().header("Authorization", regionManager).queryParam("limit", 2)
                .when().get("/api/v1/campaigns").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract();
        List<String> ids = new java.util.ArrayList<>(first.jsonPath().getList("items.id", String.class));
        given().header("Authorization", regionManager).queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor"))
                .when().get("/api/v1/campaigns").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue()).extract().jsonPath().getList("items.id", String.class)
                .forEach(ids::add);
        assertEquals(List.of(a, b, c).stream().sorted().toList(), ids);

        // a branch sees a campaign it is allocated to, and only its own targets
        Fixtures.allocate(c, List.of(target(branch, "100.00", "200.00")));
        given().header("Authorization", TestTokens.bearer("staff", branch)).when()
                .get("/api/v1/campaigns/" + c + "/allocations").then().statusCode(200)
                .body("branches.branch", contains(branch));
        given().header("Authorization", TestTokens.bearer("staff", branch)).when().get("/api/v1/campaigns").then()
                .statusCode(200).body("items.id", contains(c));
    }

    @Test
    void allocationsAreValidated() {
        String sfx = Fixtures.suffix();
        String region = "R-" + sfx;
        String b1 = "B-1" + sfx;
        String b2 = "B-2" + sfx;
        Fixtures.tree(directory, region, List.of(b1, b2));
        String id = create(PLANNER, campaignBody("C-" + sfx, "HQ"));
        String path = "/api/v1/campaigns/" + id + "/allocations";

        Map<String, Object> bad = Map.of("branches", List.of(target(b1, "-5.00", "100.00"),
                target("B-NOWHERE" + sfx, "10.00", "20.00"), target(b2, "50.00", "40.00")),
                "startingTotal", "1500000.00");
        given().header("Authorization", PLANNER).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(bad)
                .when().put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("branches[0].starting", "branches[1].branch", "branches[2].budget",
                        "startingTotal"));
        // a branch only this service has not heard of yet (created moments ago in planning-service): 422, retry
        given().header("Authorization", PLANNER).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("branches", List.of(target(b1, "10.00", "20.00"), target("B-NEW" + sfx, "10.00", "20.00"))))
                .when().put(path).then().statusCode(422).contentType("application/problem+json")
                .header("Retry-After", "1").body("errors.field", contains("branches[1].branch"))
                .body("detail", containsString("may still be propagating"));

        Map<String, Object> good = Map.of("branches", List.of(target(b1, "180000.00", "230000.00"),
                target(b2, "90000", "130000.5")), "startingTotal", "270000.00", "budgetTotal", "360000.50");
        given().header("Authorization", PLANNER).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(good)
                .when().put(path).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("branches[1].starting", equalTo("90000.00")).body("branches[1].budget", equalTo("130000.50"))
                .body("budgetTotal", equalTo("360000.50"));
        given().header("Authorization", PLANNER).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(good)
                .when().put(path).then().statusCode(412);
    }

    @Test
    void lifecycleWithTheChainOfRolesAndKeywordHits() {
        Map<String, Object> body = campaignBody("C-" + Fixtures.suffix(), "HQ");
        body.put("theme", "最好的旅游险");
        body.put("offerRules", "零风险,保本");
        String id = create(PLANNER, body);
        String base = "/api/v1/campaigns/" + id;

        post(PLANNER, base + "/activate", null).statusCode(409).contentType("application/problem+json")
                .body("allowed", containsInAnyOrder("SUBMITTED", "WITHDRAWN"));
        post(PLANNER, base + "/submit", null).statusCode(200).body("state", equalTo("IN_REVIEW"))
                .body("review.awaitedRole", equalTo("manager"))
                .body("review.keywordHits.keyword", contains("最", "零风险", "保本"))
                .body("review.keywordHits[0].field", equalTo("theme"))
                .body("review.keywordHits[1].field", equalTo("offerRules"))
                .body("review.keywordHits[1].offset", equalTo(0));
        // editing is over once submitted
        given().header("Authorization", PLANNER).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(body).when().put(base).then().statusCode(409);

        post(GM, base + "/approve", null).statusCode(403);           // out of turn: the manager level is next
        post(MANAGER_HQ, base + "/reject", Map.of()).statusCode(422)  // a rejection needs a reason
                .body("errors[0].field", equalTo("comment"));
        post(MANAGER_HQ, base + "/approve", Map.of("comment", "同意")).statusCode(200)
                .body("state", equalTo("IN_REVIEW")).body("review.awaitedRole", equalTo("marketing_director"))
                .body("review.decisions[0].role", equalTo("manager"));
        post(PLANNER, base + "/approve", null).statusCode(403);     // the submitter may not approve
        post(DIRECTOR, base + "/reject", Map.of("comment", "用语违规,请修改")).statusCode(200)
                .body("state", equalTo("DRAFT"));

        post(PLANNER, base + "/submit", null).statusCode(200).body("review.decisions", empty());
        post(MANAGER_HQ, base + "/approve", null).statusCode(200);
        post(DIRECTOR, base + "/approve", null).statusCode(200);
        post(GM, base + "/approve", null).statusCode(200).body("state", equalTo("APPROVED"));

        post(GM, base + "/activate", null).statusCode(409).body("allowed", hasItem("PILOT"));
        String etag = given().header("Authorization", GM).when().get(base).then().extract().header("ETag");
        given().header("Authorization", GM).header("If-Match", "\"0\"").when().post(base + "/start-pilot").then()
                .statusCode(412);
        given().header("Authorization", GM).header("If-Match", etag).when().post(base + "/start-pilot").then()
                .statusCode(200).body("state", equalTo("PILOT")).body("pilot.deadline", notNullValue())
                .body("pilot.overdue", equalTo(false));
        post(GM, base + "/pilot-report", Map.of("outcome", "PROCEED", "summary", "试点成功")).statusCode(200)
                .body("state", equalTo("ACTIVE"));
        post(GM, base + "/close", null).statusCode(200).body("state", equalTo("CLOSED"));
        post(GM, base + "/archive", null).statusCode(409);          // not evaluated yet
        post(GM, base + "/evaluation", Map.of("costs", List.of(Map.of("name", "无此项", "spent", "1.00"))))
                .statusCode(400).body("errors[0].field", equalTo("costs[0].name"));
        post(GM, base + "/evaluation", Map.of("costs", List.of(Map.of("name", "宣传", "spent", "13000.00"))))
                .statusCode(200).body("evaluationRecorded", equalTo(true));
        post(GM, base + "/archive", null).statusCode(200).body("state", equalTo("ARCHIVED"))
                .body("allowedNext", contains("CLOSED"));
        post(GM, base + "/restore", null).statusCode(200).body("state", equalTo("CLOSED"));
        post(GM, base + "/withdraw", Map.of("reason", "x")).statusCode(409);

        // every lifecycle change was published, keyed by the campaign, in order, valid against its schema
        List<String> expected = List.of("campaign.created", "campaign.submitted", "campaign.level-approved",
                "campaign.rejected", "campaign.submitted", "campaign.level-approved", "campaign.level-approved",
                "campaign.approved", "campaign.pilot-started", "campaign.pilot-concluded", "campaign.closed",
                "campaign.evaluated", "campaign.archived", "campaign.restored");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> mine;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            mine = kafka.readUntil("campaign.events", rs -> rs.stream().filter(r -> id.equals(r.key())).count()
                    >= expected.size(), java.time.Duration.ofSeconds(60)).stream().filter(r -> id.equals(r.key()))
                    .toList();
        }
        List<String> types = new java.util.ArrayList<>();
        for (var r : mine) {
            var event = SalesAttributionIT.read(r.value());
            assertEquals(id, event.path("subject").asText());
            assertEquals("1", event.path("dataversion").asText());
            types.add(event.path("type").asText());
            EventSchemas.assertValid("schemas/" + event.path("type").asText() + ".v1.json",
                    event.path("data").toString());
        }
        assertEquals(expected, types);
        var rejected = SalesAttributionIT.read(mine.get(3).value()).path("data");
        assertEquals("用语违规,请修改", rejected.path("comment").asText());
        assertEquals("IN_REVIEW", rejected.path("previousState").asText());
        assertEquals(3, SalesAttributionIT.read(mine.get(1).value()).path("data").path("keywordHits").size());
        // the evaluation carries what kpi-service's campaign ROI is made of (no sales here: -100%)
        var evaluated = SalesAttributionIT.read(mine.get(11).value()).path("data");
        assertEquals("0.00", evaluated.path("revenue").asText());
        assertEquals("13000.00", evaluated.path("cost").asText());
        assertEquals("92500.00", evaluated.path("budget").asText(), "the budget lines, for the expense control rate");
        assertEquals("CNY", evaluated.path("currency").asText());
        assertEquals("-100.00", evaluated.path("roi").asText());
    }

    @Test
    void anOverduePilotIsAnnouncedOnce() {
        String id = create(PLANNER, campaignBody("C-" + Fixtures.suffix(), "HQ"));
        String base = "/api/v1/campaigns/" + id;
        post(PLANNER, base + "/submit", null).statusCode(200);
        post(MANAGER_HQ, base + "/approve", null).statusCode(200);
        post(DIRECTOR, base + "/approve", null).statusCode(200);
        post(GM, base + "/approve", null).statusCode(200);
        post(GM, base + "/start-pilot", null).statusCode(200);
        assertEquals(0, pilots.check(java.time.Instant.now()));
        java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofDays(93));
        assertEquals(true, pilots.check(later) >= 1);
        assertEquals(0, pilots.check(later.plusSeconds(3600)));   // a second run, or a second replica: nothing
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            var overdue = kafka.readUntil("campaign.events", rs -> rs.stream().anyMatch(r -> id.equals(r.key())
                    && r.value().contains("campaign.pilot-overdue")), java.time.Duration.ofSeconds(60)).stream()
                    .filter(r -> id.equals(r.key()) && r.value().contains("campaign.pilot-overdue")).toList();
            assertEquals(1, overdue.size());
            EventSchemas.assertValid("schemas/campaign.pilot-overdue.v1.json",
                    SalesAttributionIT.read(overdue.get(0).value()).path("data").toString());
        }
    }

    @Test
    void withdrawAtAnyPointNeedsAReason() {
        String id = create(PLANNER, campaignBody("C-" + Fixtures.suffix(), "HQ"));
        String base = "/api/v1/campaigns/" + id;
        post(PLANNER, base + "/submit", null).statusCode(200);
        post(GM, base + "/withdraw", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        post(GM, base + "/withdraw", Map.of("reason", "市场变化")).statusCode(200).body("state", equalTo("WITHDRAWN"));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            var withdrawn = kafka.readUntil("campaign.events", rs -> rs.stream().anyMatch(r -> id.equals(r.key())
                    && r.value().contains("campaign.withdrawn")), java.time.Duration.ofSeconds(60)).stream()
                    .filter(r -> id.equals(r.key()) && r.value().contains("campaign.withdrawn")).findFirst().orElseThrow();
            var data = SalesAttributionIT.read(withdrawn.value()).path("data");
            EventSchemas.assertValid("schemas/campaign.withdrawn.v1.json", data.toString());
            assertEquals("市场变化", data.path("reason").asText());
        }
        post(GM, base + "/submit", null).statusCode(409).body("allowed", contains("ARCHIVED"));
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        Map<String, Object> body = campaignBody("C-" + Fixtures.suffix(), "HQ");
        String key = java.util.UUID.randomUUID().toString();
        String first = given().header("Authorization", PLANNER).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/campaigns").then().statusCode(201)
                .extract().path("id");
        String second = given().header("Authorization", PLANNER).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/campaigns").then().statusCode(201)
                .extract().path("id");
        assertEquals(first, second);
        assertNotEquals(null, first);
    }
}
