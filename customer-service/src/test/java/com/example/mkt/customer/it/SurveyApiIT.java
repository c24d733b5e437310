package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.CHENGDU;
import static com.example.mkt.customer.it.Fixtures.EAST;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.WEST;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SurveyApiIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String WEST_STAFF = token("staff", CHENGDU);
    private static final String SUPERVISOR = token("supervisor", NANCHANG);
    private static final String MANAGER = token("manager", EAST);
    private static final String DIRECTOR = token("marketing_director", null);

    @Inject
    OrgDirectory directory;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    private static Map<String, Object> template(String name, Object segmentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("segmentId", segmentId);
        body.put("questions", List.of(Map.of("text", "服务态度是否满意？"), Map.of("text", "响应速度是否及时？"),
                Map.of("id", "result", "text", "问题是否得到解决？")));
        return body;
    }

    private static String createTemplate(String name) {
        return given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(template(name, null))
                .when().post("/api/v1/surveys/templates").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> answer(String templateId, String customerId, int... scores) {
        String[] ids = { "q1", "q2", "result" };
        List<Map<String, Object>> s = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("questionId", ids[i]);
            one.put("score", scores[i]);
            s.add(one);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("templateId", templateId);
        body.put("customerId", customerId);
        body.put("scores", s);
        body.put("channel", "PHONE");
        return body;
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/answers").then();
    }

    @Test
    void templatesAreWrittenByMarketingManagersAndAboveOnly() {
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body(template("模板", null))
                .when().post("/api/v1/surveys/templates").then().statusCode(403);
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(template("模板", null))
                .when().post("/api/v1/surveys/templates").then().statusCode(403);
        given().header("Authorization", token("ops", NANCHANG)).when().get("/api/v1/surveys/templates").then()
                .statusCode(403);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "空模板", "questions", List.of())).when().post("/api/v1/surveys/templates").then()
                .statusCode(400).body("errors[0].field", equalTo("questions"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(template("模板", "no-such-segment"))
                .when().post("/api/v1/surveys/templates").then().statusCode(422)
                .body("errors[0].field", equalTo("segmentId"));

        String name = "投诉回访满意度调查" + RUN;
        var created = given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(template(name, null))
                .when().post("/api/v1/surveys/templates").then().statusCode(201).header("Location", notNullValue())
                .body("name", equalTo(name)).body("active", equalTo(true))
                .body("questions.id", contains("q1", "q2", "result"))
                .body("questions[0].text", equalTo("服务态度是否满意？")).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        // read by every person; edited with If-Match
        given().header("Authorization", STAFF).when().get("/api/v1/surveys/templates/" + id).then().statusCode(200)
                .body("name", equalTo(name));
        Map<String, Object> edit = template(name + "（修订）", null);
        edit.put("active", false);
        given().header("Authorization", DIRECTOR).header("If-Match", "\"99\"").contentType(ContentType.JSON).body(edit)
                .when().put("/api/v1/surveys/templates/" + id).then().statusCode(412);
        given().header("Authorization", DIRECTOR).header("If-Match", etag).contentType(ContentType.JSON).body(edit)
                .when().put("/api/v1/surveys/templates/" + id).then().statusCode(200)
                .body("name", equalTo(name + "（修订）")).body("active", equalTo(false));
        given().header("Authorization", STAFF).queryParam("active", false).queryParam("limit", 500)
                .when().get("/api/v1/surveys/templates").then().statusCode(200).body("items.id", hasItem(id));
        given().header("Authorization", STAFF).when().get("/api/v1/surveys/templates/nope").then().statusCode(404);

        // an inactive template takes no answers
        String customer = create(STAFF, newCustomer("停用模板客户" + RUN, NANCHANG, "13522220001"));
        post(STAFF, answer(id, customer, 5, 5, 5)).statusCode(422).body("errors[0].field", equalTo("templateId"));
    }

    @Test
    void answersAreValidatedScoredAndPublished() {
        String templateId = createTemplate("通用满意度调查" + RUN);
        String customer = create(STAFF, newCustomer("满意度客户" + RUN, NANCHANG, "13522220002"));

        post(STAFF, answer(templateId, customer, 4, 4)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scores"));
        post(STAFF, answer(templateId, customer, 4, 4, 6)).statusCode(400)
                .body("errors[0].field", equalTo("scores[2].score"));
        post(STAFF, answer(templateId, customer, 0, 4, 4)).statusCode(400)
                .body("errors[0].field", equalTo("scores[0].score"));
        Map<String, Object> fractional = answer(templateId, customer, 4, 4, 4);
        ((Map<String, Object>) ((List<?>) fractional.get("scores")).get(1)).put("score", 4.5);
        post(STAFF, fractional).statusCode(400).body("errors[0].field", equalTo("scores[1].score"));
        Map<String, Object> noChannel = answer(templateId, customer, 4, 4, 4);
        noChannel.remove("channel");
        post(STAFF, noChannel).statusCode(400).body("errors[0].field", equalTo("channel"));
        post(STAFF, answer("no-such-template", customer, 4, 4, 4)).statusCode(422)
                .body("errors[0].field", equalTo("templateId"));
        // a customer outside the caller's subtree does not exist for them
        post(WEST_STAFF, answer(templateId, customer, 4, 4, 4)).statusCode(422)
                .body("errors[0].field", equalTo("customerId"));
        post(token("analyst", null), answer(templateId, customer, 4, 4, 4)).statusCode(403);

        Map<String, Object> body = answer(templateId, customer, 4, 4, 5);
        body.put("comment", "客服态度很好，理赔速度还可以更快。");
        ((Map<String, Object>) ((List<?>) body.get("scores")).get(2)).put("comment", "已解决");
        var created = post(STAFF, body).statusCode(201).header("Location", notNullValue())
                .body("score", equalTo(4.33f)).body("satisfied", equalTo(true))
                .body("orgUnit", equalTo(NANCHANG)).body("salesperson", equalTo("s-042"))
                .body("comment", equalTo("客服态度很好，理赔速度还可以更快。"))
                .body("scores[0].question", equalTo("服务态度是否满意？")).body("scores[2].comment", equalTo("已解决"))
                .extract();
        String answerId = created.path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/surveys/answers/" + answerId).then().statusCode(200)
                .body("score", equalTo(4.33f));
        given().header("Authorization", WEST_STAFF).when().get("/api/v1/surveys/answers/" + answerId).then()
                .statusCode(404);
        given().header("Authorization", STAFF).queryParam("customerId", customer).when()
                .get("/api/v1/surveys/answers").then().statusCode(200).body("items.id", contains(answerId));
        given().header("Authorization", WEST_STAFF).queryParam("customerId", customer).when()
                .get("/api/v1/surveys/answers").then().statusCode(200).body("items", hasSize(0));

        // 4, 4, 3 -> 3.67: not satisfied
        String second = post(STAFF, answer(templateId, customer, 4, 4, 3)).statusCode(201)
                .body("score", equalTo(3.67f)).body("satisfied", equalTo(false)).extract().path("id");

        JsonNode event = Fixtures.awaitEvent("survey.answered", customer, d -> answerId.equals(d.path("answerId").asText()));
        EventSchemas.assertValid("schemas/survey.answered.v1.json", event.path("data").toString());
        JsonNode d = event.path("data");
        assertEquals(templateId, d.path("templateId").asText());
        assertEquals(customer, d.path("customerId").asText());
        assertEquals(NANCHANG, d.path("orgUnit").asText());
        assertEquals("s-042", d.path("salesperson").asText());
        assertEquals(0, new BigDecimal("4.33").compareTo(d.path("score").decimalValue()));
        assertTrue(d.path("satisfied").asBoolean());
        assertTrue(d.path("complaintId").isNull());
        assertTrue(d.path("answeredAt").asText().endsWith("+08:00"));
        JsonNode other = Fixtures.awaitEvent("survey.answered", customer, x -> second.equals(x.path("answerId").asText()));
        EventSchemas.assertValid("schemas/survey.answered.v1.json", other.path("data").toString());
        assertFalse(other.path("data").path("satisfied").asBoolean());
    }

    @Test
    void closingAComplaintRequestsOneSurveyThatItsAnswerFulfils() {
        String templateId = createTemplate("投诉回访" + RUN);
        String customer = create(STAFF, newCustomer("投诉回访客户" + RUN, NANCHANG, "13522220003"));
        String complaint = given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "HOTLINE", "severity", "LOW",
                        "content", "保单邮寄延误。", "receivedAt", OffsetDateTime.now().minusMinutes(5).toString()))
                .when().post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        for (String action : List.of("assign", "start", "resolve", "close", "reopen", "resolve", "close")) {
            var req = given().header("Authorization", STAFF).contentType(ContentType.JSON);
            if (action.equals("assign")) {
                req = req.body(Map.of("assignee", "agent-1"));
            }
            req.when().post("/api/v1/complaints/" + complaint + "/" + action).then().statusCode(200);
        }
        // closed twice (reopened in between): still one request
        given().header("Authorization", STAFF).queryParam("status", "PENDING").queryParam("customerId", customer)
                .when().get("/api/v1/surveys/requests").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].complaintId", equalTo(complaint)).body("items[0].status", equalTo("PENDING"))
                .body("items[0].orgUnit", equalTo(NANCHANG)).body("items[0].templateId", notNullValue());
        given().header("Authorization", STAFF).queryParam("status", "PENDING").queryParam("limit", 500)
                .when().get("/api/v1/surveys/requests").then().statusCode(200).body("items.complaintId", hasItem(complaint));
        given().header("Authorization", WEST_STAFF).queryParam("status", "PENDING").queryParam("limit", 500)
                .when().get("/api/v1/surveys/requests").then().statusCode(200)
                .body("items.complaintId", not(hasItem(complaint)));
        given().header("Authorization", STAFF).queryParam("status", "LOST").when().get("/api/v1/surveys/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        // a complaint of another customer is refused
        String stranger = create(STAFF, newCustomer("其他客户" + RUN, NANCHANG, "13522220004"));
        Map<String, Object> wrong = answer(templateId, stranger, 5, 5, 5);
        wrong.put("complaintId", complaint);
        post(STAFF, wrong).statusCode(422).body("errors[0].field", equalTo("complaintId"));

        Map<String, Object> body = answer(templateId, customer, 2, 3, 2);
        body.put("complaintId", complaint);
        String answerId = post(STAFF, body).statusCode(201).body("complaintId", equalTo(complaint))
                .body("score", equalTo(2.33f)).body("satisfied", equalTo(false)).extract().path("id");
        given().header("Authorization", STAFF).queryParam("customerId", customer).when()
                .get("/api/v1/surveys/requests").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("ANSWERED")).body("items[0].answerId", equalTo(answerId));
        given().header("Authorization", STAFF).queryParam("status", "PENDING").queryParam("customerId", customer)
                .when().get("/api/v1/surveys/requests").then().statusCode(200).body("items", hasSize(0));
        // the complaint's survey is answered once
        post(STAFF, body).statusCode(409);

        JsonNode event = Fixtures.awaitEvent("survey.answered", customer, d -> answerId.equals(d.path("answerId").asText()));
        EventSchemas.assertValid("schemas/survey.answered.v1.json", event.path("data").toString());
        assertEquals(complaint, event.path("data").path("complaintId").asText());
    }

    @Test
    void satisfactionRateCountsAnswersOfTheSubtree() {
        String templateId = createTemplate("西部满意度" + RUN);
        String westToken = token("manager", WEST);
        String a = create(westToken, newCustomer("成都客户甲" + RUN, CHENGDU, "13522220005"));
        String b = create(westToken, newCustomer("成都客户乙" + RUN, CHENGDU, "13522220006"));
        post(westToken, answer(templateId, a, 5, 5, 5)).statusCode(201);
        post(westToken, answer(templateId, a, 4, 4, 4)).statusCode(201);
        post(westToken, answer(templateId, b, 3, 4, 4)).statusCode(201);

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        given().header("Authorization", westToken).queryParam("orgUnit", WEST).queryParam("from", today)
                .queryParam("to", today).when().get("/api/v1/surveys/satisfaction").then().statusCode(200)
                .body("answers", equalTo(3)).body("satisfied", equalTo(2)).body("satisfactionRate", equalTo(66.67f))
                .body("satisfiedFrom", equalTo(4.0f));
        given().header("Authorization", westToken).queryParam("orgUnit", CHENGDU).queryParam("templateId", templateId)
                .when().get("/api/v1/surveys/satisfaction").then().statusCode(200).body("answers", equalTo(3));
        // another period: no answers, no rate
        given().header("Authorization", westToken).queryParam("orgUnit", WEST).queryParam("from", "2020-01-01")
                .queryParam("to", "2020-01-31").when().get("/api/v1/surveys/satisfaction").then().statusCode(200)
                .body("answers", equalTo(0)).body("satisfactionRate", nullValue());
        // outside the caller's subtree, unknown units and bad dates
        given().header("Authorization", STAFF).queryParam("orgUnit", WEST).when().get("/api/v1/surveys/satisfaction")
                .then().statusCode(404);
        given().header("Authorization", DIRECTOR).queryParam("orgUnit", "NO-SUCH-UNIT").when()
                .get("/api/v1/surveys/satisfaction").then().statusCode(404);
        given().header("Authorization", westToken).queryParam("from", "2026-13-01").when()
                .get("/api/v1/surveys/satisfaction").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().header("Authorization", westToken).queryParam("from", "2026-05-02").queryParam("to", "2026-05-01")
                .when().get("/api/v1/surveys/satisfaction").then().statusCode(400);
        // the east staff's own scope has none of these answers
        given().header("Authorization", STAFF).queryParam("templateId", templateId).when()
                .get("/api/v1/surveys/satisfaction").then().statusCode(200).body("answers", equalTo(0));
    }
}
