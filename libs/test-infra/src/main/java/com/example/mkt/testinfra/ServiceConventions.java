package com.example.mkt.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
                .body(containsString("eventing_outbox_published_total"));
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
}
