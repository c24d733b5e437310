package com.example.mkt.campaign.it;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.TestEvents;
import com.example.mkt.testinfra.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/** Org trees, campaigns and sales for the integration tests; every name carries a per-test suffix. */
final class Fixtures {

    static final ObjectMapper JSON = TestEvents.JSON;

    static final String PLANNER = "Bearer " + TestTokens.token("marketing_director", "HQ", "s-planner",
            Duration.ofHours(1));
    static final String MANAGER_HQ = TestTokens.bearer("manager", "HQ");
    static final String DIRECTOR = TestTokens.bearer("marketing_director", "HQ");
    static final String GM = TestTokens.bearer("gm", "HQ");
    static final String ANALYST = TestTokens.bearer("analyst", "HQ");

    private Fixtures() {
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static void unit(KafkaTestClient kafka, String code, String name, String kind, String parent) {
        TestEvents.publishOrgUnits(kafka, new TestEvents.OrgUnit(code, name, kind, parent));
    }

    static String envelope(String source, String type, String subject, Object data) {
        return TestEvents.envelope(source, type, subject, data);
    }

    /** HQ → region R-&lt;sfx&gt; → the given branches; waits until the replica has them. */
    static void tree(OrgDirectory directory, String region, List<String> branches) {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            unit(kafka, "HQ", "总部", "HQ", null);
            unit(kafka, region, "华东大区" + region, "REGION", "HQ");
            for (String b : branches) {
                unit(kafka, b, "分公司" + b, "BRANCH", region);
            }
        }
        await(() -> branches.stream().allMatch(b -> directory.subtree(region).contains(b)), "org tree replicated");
    }

    static void await(Supplier<Boolean> condition, String what) {
        TestEvents.await(what, condition::get);
    }

    static Map<String, Object> campaignBody(String code, String orgUnit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("theme", "保游无忧,同行天下");
        body.put("orgUnit", orgUnit);
        body.put("period", Map.of("start", "2026-05-01", "end", "2026-10-31"));
        body.put("subWindows", List.of(Map.of("name", "暑期", "start", "2026-07-01", "end", "2026-08-31")));
        body.put("targetSegments", List.of("SEG-" + code));
        body.put("products", List.of(Map.of("code", "LAY", "name", "旅游意外险"), Map.of("code", "LAI", "name", "航空意外险")));
        body.put("channels", List.of("APP", "BRANCH"));
        body.put("offerRules", "满100元赠送保额");
        body.put("budgetLines", List.of(Map.of("name", "宣传", "amount", "12500.00"),
                Map.of("name", "奖励", "amount", "80000.00")));
        body.put("currency", "CNY");
        return body;
    }

    static ValidatableResponse post(String token, String path, Object body) {
        var req = given().header("Authorization", token).contentType(ContentType.JSON);
        if (body != null) {
            req = req.body(body);
        }
        return req.when().post(path).then();
    }

    static String create(String token, Map<String, Object> body) {
        return post(token, "/api/v1/campaigns", body).statusCode(201).extract().path("id");
    }

    static void allocate(String id, List<Map<String, Object>> branches) {
        String etag = given().header("Authorization", PLANNER).when().get("/api/v1/campaigns/" + id).then()
                .statusCode(200).extract().header("ETag");
        given().header("Authorization", PLANNER).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("branches", branches)).when().put("/api/v1/campaigns/" + id + "/allocations").then()
                .statusCode(200);
    }

    static Map<String, Object> target(String branch, String starting, String budget) {
        return Map.of("branch", branch, "starting", starting, "budget", budget);
    }

    /** DRAFT → review by manager, marketing director, gm → pilot → ACTIVE. */
    static void activate(String id) {
        String base = "/api/v1/campaigns/" + id;
        post(PLANNER, base + "/submit", null).statusCode(200);
        post(MANAGER_HQ, base + "/approve", Map.of("comment", "ok")).statusCode(200);
        post(DIRECTOR, base + "/approve", Map.of()).statusCode(200);
        post(GM, base + "/approve", Map.of()).statusCode(200);
        post(GM, base + "/start-pilot", null).statusCode(200);
        post(GM, base + "/pilot-report", Map.of("outcome", "PROCEED", "summary", "试点效果良好")).statusCode(200);
    }

    static Map<String, Object> sale(String eventId, String kind, String at, String customer, String orgUnit,
                                    String salesperson, String campaignCode, String product, String amount) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventId", eventId);
        s.put("kind", kind);
        s.put("occurredAt", at);
        s.put("customer", Map.of("id", customer));
        s.put("orgUnit", orgUnit);
        if (salesperson != null) {
            s.put("salesperson", salesperson);
        }
        if (campaignCode != null) {
            s.put("campaignCode", campaignCode);
        }
        s.put("items", List.of(Map.of("productCode", product, "quantity", 1, "unitPrice", amount)));
        s.put("amount", amount);
        s.put("currency", "CNY");
        return s;
    }
}
