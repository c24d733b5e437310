package com.example.mkt.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

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
}
