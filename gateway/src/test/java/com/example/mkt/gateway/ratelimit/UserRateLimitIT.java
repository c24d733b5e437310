package com.example.mkt.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * People are limited per user ({@code sub}) on proxied routes: a user past their burst gets 429 problem+json with
 * Retry-After, before the backend is bothered, while another user goes on unhindered.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(UserRateLimitIT.TightUserLimits.class)
class UserRateLimitIT {

    /** A burst of three and a refill too slow to matter within the test. */
    public static class TightUserLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.limits.users.capacity", "3", "gateway.limits.users.refill-per-second", "0.001");
        }
    }

    @Test
    void aUserPastTheirBurstGets429WithRetryAfterAndOthersCarryOn() {
        String busy = "Bearer " + TestTokens.token("staff", "B-NANCHANG", "s-busy", Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", busy).when().get("/api/v1/customers").then().statusCode(200)
                    .header("X-Backend", "stub");
        }
        given().header("Authorization", busy).when().get("/api/v1/customers").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        // POSTs count against the same bucket.
        given().header("Authorization", busy).when().post("/api/v1/complaints").then().statusCode(429);

        given().header("Authorization", "Bearer " + TestTokens.token("staff", "B-NANCHANG", "s-calm", Duration.ofHours(1))).when()
                .get("/api/v1/customers").then().statusCode(200).header("X-Backend", "stub");
    }

    /**
     * The gateway's metrics that deploy/k8s's alerts and dashboard read (deploy/k8s/base/monitoring/metric-names.txt,
     * sources gateway and quarkus-http) are on /q/metrics: a 429 counts in gateway_rate_limited_total, and each
     * backend has its circuit state.
     */
    @Test
    void theMetricsTheAlertsReadAreExposed() throws Exception {
        String user = "Bearer " + TestTokens.token("staff", "B-NANCHANG", "s-metrics", Duration.ofHours(1));
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", user).when().get("/api/v1/customers");
        }
        String text = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher rejected = Pattern.compile("(?m)^gateway_rate_limited_total\\{[^}]*limit=\"user\"[^}]*} ([0-9.E]+)")
                .matcher(text);
        assertTrue(rejected.find(), "no user rate-limit counter");
        assertTrue(Double.parseDouble(rejected.group(1)) >= 1, "the 429 was not counted");
        assertTrue(text.contains("gateway_circuit_state{backend="), "no circuit state per backend");
        Set<String> exposed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(text);
        while (m.find()) {
            exposed.add(m.group(1));
        }
        Set<String> missing = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("../deploy/k8s/base/monitoring/metric-names.txt"))) {
            String[] fields = line.replaceAll("#.*", "").trim().split("\\s+");
            if (fields.length >= 2 && List.of("gateway", "quarkus-http").contains(fields[1])) {
                assertFalse(fields[0].isBlank());
                if (!exposed.contains(fields[0])) {
                    missing.add(fields[0]);
                }
            }
        }
        assertEquals(Set.of(), missing, "read by deploy/k8s alerts or dashboard but not exposed by the gateway");
    }
}
