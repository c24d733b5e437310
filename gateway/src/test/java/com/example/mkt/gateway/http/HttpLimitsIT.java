package com.example.mkt.gateway.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.RawHttp;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Bodies sent chunked (no Content-Length, so nothing to refuse up front) that grow past the gateway's limits, over a
 * raw socket as a hostile client would: the sales route (gateway.limits.max-body-size, 2M here) and a proxied route
 * (the same limit, streamed to the backend until exceeded) answer 413 problem+json, never a reset connection, an
 * empty body or a 5xx. Request lines over 64 KiB and oversized headers are checked for the gateway as for every
 * service (GatewayIT, ServiceConventions).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class HttpLimitsIT {

    @Test
    void aChunkedSalesBatchOverTheLimitGets413ProblemJson() throws Exception {
        // above the gateway's limit (2M) and above the HTTP layer's backstop (4M)
        for (int size : new int[] {3 << 20, 5 << 20}) {
            tooLarge(RawHttp.chunked(RestAssured.port, "/api/v1/sales-events", null, GatewayTestResource.posKey(), size));
        }
    }

    @Test
    void aChunkedBodyOnAProxiedRouteOverTheLimitGets413ProblemJson() throws Exception {
        String staff = TestTokens.bearer("staff", "B-NANCHANG");
        for (int size : new int[] {3 << 20, 5 << 20}) {
            tooLarge(RawHttp.chunked(RestAssured.port, "/api/v1/customers", staff, null, size));
        }
    }

    private static void tooLarge(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"/problems/payload-too-large\""), answer);
    }
}
