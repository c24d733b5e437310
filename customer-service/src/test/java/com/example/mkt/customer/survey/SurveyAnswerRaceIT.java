package com.example.mkt.customer.survey;

import static com.example.mkt.customer.it.Fixtures.EAST;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.customer.it.Fixtures;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The loser of two answers racing for one complaint's survey gets the same 409 as a late second answer, though it
 * is stopped by the unique index rather than by the service's check: the race is staged by inserting past the check.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SurveyAnswerRaceIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String MANAGER = token("manager", EAST);

    @Inject
    OrgDirectory directory;
    @Inject
    SurveyAnswerStore answers;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    @Test
    void theUniqueIndexAnswersLikeTheCheck() {
        String templateId = given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "竞争回访" + RUN, "questions", List.of(Map.of("text", "是否满意？"))))
                .when().post("/api/v1/surveys/templates").then().statusCode(201).extract().path("id");
        String customer = create(STAFF, newCustomer("竞争回访客户" + RUN, NANCHANG, "13522229001"));
        // left open: an open complaint has no request row whose lock would take two answers in turn
        String complaint = given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "HOTLINE", "severity", "LOW",
                        "content", "回访竞争。", "receivedAt", OffsetDateTime.now().minusMinutes(5).toString()))
                .when().post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        Map<String, Object> body = Map.of("templateId", templateId, "customerId", customer, "complaintId", complaint,
                "channel", "PHONE", "scores", List.of(Map.of("questionId", "q1", "score", 4)));
        post(body, 201);
        String checked = post(body, 409);

        SurveyAnswerEntity second = answer(templateId, customer, complaint);
        ApiException raced = assertThrows(ApiException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> answers.insert(second)));
        assertEquals(409, raced.status());
        assertEquals(checked, raced.getMessage());
        assertEquals("the survey of complaint " + complaint + " is already answered", checked);
    }

    private static String post(Map<String, Object> body, int status) {
        return given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/answers").then().statusCode(status).extract().path("detail");
    }

    private static SurveyAnswerEntity answer(String templateId, String customerId, String complaintId) {
        SurveyAnswerEntity a = new SurveyAnswerEntity();
        a.id = UUID.randomUUID().toString();
        a.templateId = templateId;
        a.customerId = customerId;
        a.orgUnit = NANCHANG;
        a.complaintId = complaintId;
        a.channel = SurveyChannel.PHONE.name();
        a.scores = "[]";
        a.score = new BigDecimal("4.00");
        a.satisfied = true;
        a.answeredAt = Instant.now();
        a.recordedBy = "race";
        a.recordedAt = Instant.now();
        return a;
    }
}
