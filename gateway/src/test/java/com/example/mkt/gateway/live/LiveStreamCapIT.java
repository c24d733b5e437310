package com.example.mkt.gateway.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An instance serves at most gateway.live.streams streams: one more, of anyone, is 503 with Retry-After. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(LiveStreamCapIT.OneStream.class)
class LiveStreamCapIT {

    public static class OneStream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.live.streams", "1");
        }
    }

    @TestHTTPResource("/api/v1/live/kpis")
    URL url;

    @Test
    void oneStreamMoreThanTheInstanceServesIs503() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<Stream<String>> first = http.send(HttpRequest.newBuilder(url.toURI())
                .header("Authorization", TestTokens.bearer("gm", "HQ")).build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> body = first.body()) {
            assertEquals(200, first.statusCode());
            given().header("Authorization", TestTokens.bearer("manager", "B-NANCHANG")).when()
                    .get("/api/v1/live/kpis").then().statusCode(503).header("Retry-After", "30")
                    .contentType("application/problem+json").body("status", equalTo(503));
        }
    }
}
