package com.example.mkt.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The policy widens for the identity provider's token endpoint only, by its origin. */
class ConsoleHeadersTest {

    @Test
    void theTokenEndpointsOriginIsTheOneConnectionAdded() {
        assertEquals(ConsoleHeaders.POLICY, ConsoleHeaders.policy(Optional.empty()));
        String policy = ConsoleHeaders.policy(Optional.of("https://id.example.com:8443/oauth2/v1/token?x=1"));
        assertEquals(ConsoleHeaders.POLICY.replace("connect-src 'self'", "connect-src 'self' https://id.example.com:8443"),
                policy);
    }

    @Test
    void onlyTheConsolesPathsGetItsHeaders() {
        assertEquals("no-cache", ConsoleHeaders.cacheControl("/console/"));
        assertEquals("no-cache", ConsoleHeaders.cacheControl("/console/js/app.js"));
        assertEquals("no-store", ConsoleHeaders.cacheControl("/console/dev-sign-in"));
        assertEquals("public, max-age=31536000, immutable", ConsoleHeaders.cacheControl("/webjars/echarts/5.3.1/x.js"));
        assertEquals(null, ConsoleHeaders.cacheControl("/api/v1/customers"));
        assertEquals(null, ConsoleHeaders.cacheControl("/consoles"));
    }
}
