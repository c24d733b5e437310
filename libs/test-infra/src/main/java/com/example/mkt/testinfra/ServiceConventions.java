package com.example.mkt.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/**
 * What every service promises operations, checked against its real database and broker. A service's
 * test extends this and is annotated {@code @QuarkusTest} with the {@link PlatformTestResource}.
 */
public abstract class ServiceConventions {

    @Inject
    DataSource dataSource;

    /**
     * Readiness means "can serve requests": the database. The broker is reported on its own
     * ({@code /q/health/group/kafka}); a broker outage must not take every pod out of its Service.
     */
    @Test
    void readinessCoversTheDatabaseAndTheBrokerIsReportedApart() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem(containsString("Kafka connection"))));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (given().when().get("/q/health/group/kafka").statusCode() != 200 && System.nanoTime() < deadline) {
            sleep(200);
        }
        given().when().get("/q/health/group/kafka").then().statusCode(200)
                .body("checks.name", hasItem("Kafka broker"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsApiDocumentAndSwaggerUi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("eventing_outbox_published_total"))
                .body(containsString("eventing_outbox_pending"))
                .body(containsString("eventing_outbox_oldest_pending_age_seconds"))
                .body(containsString("eventing_outbox_parked"));
    }

    /** Operations list and release the service's parked outbox rows on the service itself (libs/rest). */
    @Test
    void servesItsParkedOutboxRowsToOpsOnly() {
        given().header("Authorization", TestTokens.bearer("ops", "HQ")).when().get("/ops/outbox/parked").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", TestTokens.bearer("gm", "HQ")).when().get("/ops/outbox/parked").then()
                .statusCode(403);
    }

    @Test
    void flywayOwnsTheSchemaIncludingTheOutboxAndInbox() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('eventing_outbox') IS NOT NULL,"
                     + " to_regclass('eventing_inbox') IS NOT NULL,"
                     + " (SELECT count(*) FROM flyway_schema_history WHERE success) > 0")) {
            rs.next();
            assertEquals(true, rs.getBoolean(1), "eventing_outbox migrated");
            assertEquals(true, rs.getBoolean(2), "eventing_inbox migrated");
            assertEquals(true, rs.getBoolean(3), "flyway history recorded");
        }
    }

    /**
     * Errors of the HTTP layer are problem+json too: Vert.x alone would answer these before any route, with an empty
     * body. Sent over a raw socket, since HTTP clients refuse to send a control character in a header.
     */
    @Test
    void malformedRequestsGetProblemJson() throws Exception {
        String tooLong = raw("GET /api/v1/" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(tooLong.startsWith("HTTP/1.1 414"), tooLong);
        assertTrue(tooLong.contains("application/problem+json"), tooLong);
        assertTrue(tooLong.contains("\"status\":414"), tooLong);

        String controlInHeader = raw("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nIf-Match: \"a\u0001b\"\r\n\r\n");
        assertTrue(controlInHeader.startsWith("HTTP/1.1 400"), controlInHeader);
        assertTrue(controlInHeader.contains("application/problem+json"), controlInHeader);
        assertTrue(controlInHeader.contains("\"field\":\"If-Match\""), controlInHeader);

        String tooLarge = raw("POST /api/v1/anything HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{");
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
        assertTrue(tooLarge.contains("application/problem+json"), tooLarge);
    }

    /**
     * What the HTTP decoder refuses before any route or filter runs gets problem+json too (libs/rest InvalidRequests):
     * a request line over 64 KiB (414) and headers over the header limit (431); and the connection is closed
     * after the answer, not reset before it.
     */
    @Test
    void requestsTheDecoderRefusesGetProblemJson() throws Exception {
        String line = raw("GET /api/v1/" + "a".repeat(70_000) + "?q=" + "b".repeat(30_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(line.matches("(?s)HTTP/1\\.[01] 414 .*"), line);
        assertTrue(line.contains("application/problem+json") && line.contains("\"status\":414"), line);

        String headers = raw("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: "
                + "p".repeat(40_000) + "\r\n\r\n");
        assertTrue(headers.matches("(?s)HTTP/1\\.[01] 431 .*"), headers);
        assertTrue(headers.contains("application/problem+json") && headers.contains("\"status\":431"), headers);
    }

    /**
     * A body sent chunked (no Content-Length, so nothing to refuse up front) that grows past the limit is answered
     * 413 problem+json, on the first operation of the service's own API document that reads a body (the gateway's
     * sales route, for API keys only, is tested in its HttpLimitsIT).
     */
    @Test
    void aChunkedBodyOverTheLimitGetsProblemJson() throws Exception {
        String path = firstPostWithABody();
        if (path == null) {
            return;
        }
        String answer = RawHttp.chunked(io.restassured.RestAssured.port, path, TestTokens.bearer("gm", "HQ"), null,
                3 << 20);
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] 413 .*"), path + ": " + answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("\"status\":413"), answer);
    }

    /** The first path of a POST that takes a JSON body from people (bearer) and has no path parameter, or null. */
    private static String firstPostWithABody() {
        java.util.Map<String, java.util.Map<String, Object>> paths = given().accept("application/json")
                .when().get("/q/openapi").then().statusCode(200).extract().path("paths");
        for (var path : paths.entrySet()) {
            if (path.getKey().startsWith("/api/") && !path.getKey().contains("{")
                    && path.getValue().get("post") instanceof java.util.Map<?, ?> post
                    && post.get("requestBody") != null && !String.valueOf(post.get("security")).contains("apiKey")) {
                return path.getKey();
            }
        }
        return null;
    }

    private static String raw(String request) throws java.io.IOException {
        return RawHttp.send(io.restassured.RestAssured.port, request);
    }
}
