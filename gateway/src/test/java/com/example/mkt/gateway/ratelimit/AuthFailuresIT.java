package com.example.mkt.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Guessing credentials is throttled: after the allowed failures, the address (and the API-key prefix) gets 429 with
 * Retry-After before anything is checked, valid credentials included, while other key prefixes are not blamed.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(AuthFailuresIT.FewFailures.class)
class AuthFailuresIT {

    /** Three failures, and a refill too slow to matter within the test. */
    public static class FewFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.limits.auth-failures.capacity", "3",
                    "gateway.limits.auth-failures.refill-per-second", "0.001");
        }
    }

    @Test
    void afterTooManyFailuresTheAddressIsToldToWait() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer not-a-token-" + i).when().get("/api/v1/customers").then()
                    .statusCode(401);
        }
        given().header("Authorization", "Bearer not-a-token-again").when().get("/api/v1/customers").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        // from this address even a valid token waits: the guesser cannot tell a right guess from a wrong one
        given().header("Authorization", TestTokens.bearer("gm", "HQ")).when().get("/api/v1/customers").then()
                .statusCode(429);
        given().header("X-Api-Key", GatewayTestResource.posKey()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/sales-events").then().statusCode(429);
    }
}
