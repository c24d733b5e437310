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

    private static String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // Connection: close, so the answer ends with the stream.
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
