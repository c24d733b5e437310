package com.example.mkt.rest.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The ops endpoint every service serves for its parked outbox rows: role ops only, list, release one or all. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OutboxOpsIT {

    private static final String OPS = TestTokens.bearer("ops", "HQ");

    @Inject
    DataSource dataSource;

    @Test
    void opsListAndReleaseParkedRows() throws Exception {
        String key = "ops-" + UUID.randomUUID();
        long first = park(key, "RecordTooLargeException: too large");
        long held = park(key, "held: an earlier event of the same topic and key is parked");

        given().header("Authorization", OPS).get("/ops/outbox/parked?limit=500").then().statusCode(200)
                .body("items.find { it.id == " + first + " }.key", equalTo(key))
                .body("items.find { it.id == " + first + " }.topic", equalTo("eventing.ops.test"))
                .body("items.find { it.id == " + first + " }.type", equalTo("test.parked"))
                .body("items.find { it.id == " + first + " }.reason", startsWith("RecordTooLargeException"))
                .body("items.find { it.id == " + first + " }.attempts", equalTo(5))
                .body("items.id", hasItem((int) held));

        given().header("Authorization", OPS).post("/ops/outbox/parked/" + first + "/release").then().statusCode(200)
                .body("released", equalTo(2));
        given().header("Authorization", OPS).get("/ops/outbox/parked?limit=500").then().statusCode(200)
                .body("items.id", not(hasItem((int) first)));
        given().header("Authorization", OPS).post("/ops/outbox/parked/" + first + "/release").then().statusCode(404)
                .contentType("application/problem+json");

        park(key, "InvalidTopicException");
        given().header("Authorization", OPS).post("/ops/outbox/parked/release-all").then().statusCode(200)
                .body("released", equalTo(1));
        assertNoneParked(key);
    }

    @Test
    void onlyOpsMayUseIt() {
        given().get("/ops/outbox/parked").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("gm", "HQ")).get("/ops/outbox/parked").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("staff", "HQ")).post("/ops/outbox/parked/release-all").then()
                .statusCode(403);
        given().header("Authorization", OPS).post("/ops/outbox/parked/x1/release").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", OPS).get("/ops/outbox/parked?cursor=eA").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** A parked row as the relay leaves it; once released, the running relay publishes it. */
    private long park(String key, String reason) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO eventing_outbox (event_id, topic, event_key, event_type, payload, attempts, last_error,"
                        + " parked_at) VALUES (?, 'eventing.ops.test', ?, 'test.parked', '{}', ?, ?, now()) RETURNING id")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, key);
            ps.setInt(3, reason.startsWith("held") ? 0 : 5);
            ps.setString(4, reason);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void assertNoneParked(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM eventing_outbox WHERE event_key = ? AND parked_at IS NOT NULL")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertEquals(0, rs.getInt(1));
            }
        }
    }
}
