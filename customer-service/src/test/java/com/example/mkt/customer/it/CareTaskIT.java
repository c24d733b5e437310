package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.CHENGDU;
import static com.example.mkt.customer.it.Fixtures.EAST;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.customer.care.CareJob;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class CareTaskIT {

    private static final String STAFF = token("staff", NANCHANG);
    private static final String MANAGER = token("manager", EAST);
    /** Mid-Autumn 2026 is 25 September; National Day's task exists from 24 September, the A trip's from 1 September. */
    private static final LocalDate DAY = LocalDate.of(2026, 9, 25);

    @Inject
    OrgDirectory directory;
    @Inject
    CareJob job;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    private static String customer(String token, String name, String org, String phone, String grade, String birthday) {
        Map<String, Object> body = newCustomer(name, org, phone);
        body.put("grade", grade);
        body.put("birthday", birthday);
        return create(token, body);
    }

    private long tasksOf(String customerId) throws Exception {
        try (var c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM care_task WHERE customer_id = ?")) {
            ps.setString(1, customerId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void twoReplicasRunningTheJobAtOnceCreateEachTaskOnce() throws Exception {
        String a = customer(MANAGER, "关怀A客户" + RUN, NANCHANG, "13533330001", "A", "1980-09-28");
        String c = customer(STAFF, "关怀C客户" + RUN, NANCHANG, "13533330002", "C", "1992-02-29");

        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> job.generate(DAY)));
        }
        int added = runs.stream().mapToInt(CompletableFuture::join).sum();
        int again = job.generate(DAY);
        assertEquals(0, again);
        // A: Mid-Autumn, National Day, the trip, the birthday (28 Sep); C: Mid-Autumn, National Day
        assertEquals(4, tasksOf(a));
        assertEquals(2, tasksOf(c));
        org.junit.jupiter.api.Assertions.assertTrue(added >= 6, "both runs together added " + added);

        given().header("Authorization", MANAGER).queryParam("orgUnit", NANCHANG).queryParam("from", "2026-09-25")
                .queryParam("to", "2026-10-01").queryParam("limit", 500).when().get("/api/v1/care-tasks").then()
                .statusCode(200).body("items.key", hasItem(a + ":CARE:MID_AUTUMN:2026"))
                .body("items.key", hasItem(a + ":CARE:BIRTHDAY:2026"))
                .body("items.key", hasItem(c + ":CARE:NATIONAL_DAY:2026"));
        given().header("Authorization", MANAGER).when().get("/api/v1/care-tasks/" + a + ":CARE:MID_AUTUMN:2026").then()
                .statusCode(200).body("occasionDate", equalTo("2026-09-25")).body("careLevel", equalTo("A"))
                .body("action", equalTo("GIFT")).body("budgetCap", equalTo(500.0f)).body("state", equalTo("OPEN"))
                .body("allowedActions", contains("complete", "skip"));
        given().header("Authorization", MANAGER).when().get("/api/v1/care-tasks/" + a + ":CARE:TRIP:2026").then()
                .statusCode(200).body("action", equalTo("TRIP")).body("occasionDate", equalTo("2026-10-01"));
        given().header("Authorization", STAFF).when().get("/api/v1/care-tasks/" + c + ":CARE:MID_AUTUMN:2026").then()
                .statusCode(200).body("action", equalTo("CARD")).body("budgetCap", equalTo(100.0f));
        // the A customer's file, and so its care, is not for staff; other branches see nothing of Nanchang
        given().header("Authorization", STAFF).when().get("/api/v1/care-tasks/" + a + ":CARE:MID_AUTUMN:2026").then()
                .statusCode(404);
        given().header("Authorization", STAFF).queryParam("limit", 500).queryParam("from", "2026-09-25")
                .queryParam("to", "2026-10-01").when().get("/api/v1/care-tasks").then().statusCode(200)
                .body("items.customerId", not(hasItem(a))).body("items.customerId", hasItem(c));
        given().header("Authorization", token("staff", CHENGDU)).queryParam("limit", 500).when()
                .get("/api/v1/care-tasks").then().statusCode(200).body("items.orgUnit", not(hasItem(NANCHANG)));
    }

    @Test
    void tasksAreCompletedWithinTheirBudgetOrSkipped() throws Exception {
        String a = customer(MANAGER, "关怀完成客户" + RUN, NANCHANG, "13533330003", "A", null);
        String b = customer(STAFF, "关怀跳过客户" + RUN, NANCHANG, "13533330004", "B", null);
        job.generate(DAY);
        String gift = a + ":CARE:MID_AUTUMN:2026";
        String path = "/api/v1/care-tasks/" + gift;

        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "送月饼礼盒", "actualCost", "500.01")).when().post(path + "/complete").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("actualCost"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "送月饼礼盒", "actualCost", "-1")).when().post(path + "/complete").then()
                .statusCode(400).body("errors[0].field", equalTo("actualCost"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(Map.of("actualCost", "100"))
                .when().post(path + "/complete").then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        given().header("Authorization", token("analyst", EAST)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "x")).when().post(path + "/complete").then().statusCode(403);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "送月饼礼盒，客户很高兴", "actualCost", "500.00")).when().post(path + "/complete")
                .then().statusCode(200).body("state", equalTo("DONE")).body("actualCost", equalTo(500.0f))
                .body("outcome", equalTo("送月饼礼盒，客户很高兴")).body("doneAt", notNullValue())
                .body("allowedActions", empty());
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(Map.of("outcome", "again"))
                .when().post(path + "/complete").then().statusCode(409).body("allowed", empty());

        String skip = "/api/v1/care-tasks/" + b + ":CARE:NATIONAL_DAY:2026";
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().post(skip + "/skip").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("reason", "客户出国，无法送达"))
                .when().post(skip + "/skip").then().statusCode(200).body("state", equalTo("SKIPPED"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("outcome", "x"))
                .when().post(skip + "/complete").then().statusCode(409);
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/care-tasks/nope/skip").then().statusCode(404);

        // filters and paging
        given().header("Authorization", MANAGER).queryParam("status", "DONE").queryParam("limit", 500)
                .when().get("/api/v1/care-tasks").then().statusCode(200).body("items.key", hasItem(gift))
                .body("items.state", everyItem(equalTo("DONE")));
        given().header("Authorization", MANAGER).queryParam("status", "LOST").when().get("/api/v1/care-tasks").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("Authorization", MANAGER).queryParam("from", "yesterday").when().get("/api/v1/care-tasks").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        var first = given().header("Authorization", STAFF).queryParam("salesperson", "s-042").queryParam("limit", 1)
                .queryParam("from", "2026-09-25").queryParam("to", "2026-10-01")
                .when().get("/api/v1/care-tasks").then().statusCode(200).body("items", hasSize(1)).extract();
        String cursor = first.path("nextCursor");
        given().header("Authorization", STAFF).queryParam("salesperson", "s-042").queryParam("limit", 1)
                .queryParam("from", "2026-09-25").queryParam("to", "2026-10-01").queryParam("cursor", cursor)
                .when().get("/api/v1/care-tasks").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].key", not(equalTo(first.path("items[0].key"))));
    }
}
