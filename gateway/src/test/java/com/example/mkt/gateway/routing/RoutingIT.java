package com.example.mkt.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.restassured.response.Response;

/** /api/v1/** through the gateway to a stub backend, and to backends that are down or slow. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RoutingIT {

    private static final String STAFF = TestTokens.bearer("staff", "B-NANCHANG");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    Vertx vertx;

    @Test
    void oneEventLoopServesEveryConnection() {
        // deploy/k8s/README.md#scaling and application.properties: the gateway scales by replicas, not by loops
        int loops = 0;
        for (var loop : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        assertEquals(1, loops);
    }

    @Test
    void aCreatedResourcesLocationPointsAtTheGatewayNotTheService() {
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/customers?status=201")
                .then().statusCode(201)
                .header("Location", equalTo("http://localhost:" + RestAssured.port + "/api/v1/customers/c-new"));
        // behind an ingress (a trusted proxy): the address the caller used
        given().header("Authorization", STAFF).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.example.com").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/customers?status=201")
                .then().statusCode(201).header("Location", equalTo("https://api.example.com/api/v1/customers/c-new"));
    }

    @Test
    void forwardsToTheOwningServiceWithTokenRequestIdAndTrace() {
        Response response = given().header("Authorization", STAFF)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .when().get("/api/v1/customers/c-1/contacts?limit=5&cursor=abc");
        response.then().statusCode(200).header("X-Backend", "stub")
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/v1/customers/c-1/contacts"))
                .body("query", equalTo("limit=5&cursor=abc"))
                .body("headers.authorization", equalTo(STAFF))
                .body("headers.traceparent", matchesPattern("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]"))
                .body("headers.x-forwarded-for", notNullValue());
        String requestId = response.header("X-Request-Id");
        assertTrue(requestId != null && !requestId.isBlank(), "a request id is generated");
        assertEquals(requestId, response.path("headers.x-request-id"));
        // The backend's own CORS answer does not leak through.
        assertEquals(null, response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void keepsTheCallersRequestIdAndStartsATraceWhenThereIsNone() {
        given().header("Authorization", STAFF).header("X-Request-Id", "req-42").when().get("/api/v1/campaigns")
                .then().statusCode(200).header("X-Request-Id", "req-42")
                .body("headers.x-request-id", equalTo("req-42"))
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void streamsLargeBodiesBothWays() throws Exception {
        // the largest a service takes (1 MiB, gateway.limits.max-proxied-body-size); larger ones are refused up front
        byte[] body = new byte[1_048_000];
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().header("Authorization", STAFF).contentType(ContentType.BINARY).body(body)
                .when().post("/api/v1/complaints").then().statusCode(200)
                .body("method", equalTo("POST")).body("bodyLength", equalTo(1_048_000)).body("bodySha256", equalTo(sha));
        byte[] big = given().header("Authorization", STAFF).when().get("/api/v1/customers/big?size=3000000")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(3_000_000, big.length);
    }

    @Test
    void answersOfADeclaredLengthArriveWholeBelowAndAboveTheBufferedSize() {
        int buffered = (int) ProxyRoutes.BUFFERED_BODY;
        for (int size : new int[] { 0, 1, buffered, buffered + 1, 3_000_000 }) {
            byte[] body = given().header("Authorization", STAFF).when().get("/api/v1/customers/sized?size=" + size)
                    .then().statusCode(200).header("Content-Length", Integer.toString(size))
                    .extract().asByteArray();
            assertEquals(size, body.length, "size " + size);
        }
        given().header("Authorization", STAFF).when().head("/api/v1/customers/sized?size=1000")
                .then().statusCode(200).header("Content-Length", "1000");
    }

    @Test
    void anAnswerCutShortByTheBackendIsNotRelayedAsComplete() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Future<Buffer> body = vertx.createHttpClient().request(new RequestOptions().setHost("localhost")
                    .setPort(RestAssured.port).setURI("/api/v1/customers/cut").putHeader("Authorization", STAFF))
                    .compose(request -> request.send())
                    .compose(response -> response.body());
            Throwable failure = assertThrows(ExecutionException.class,
                    () -> body.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)).getCause();
            assertTrue(failure != null, "the caller sees the answer break off");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void chunkedBodiesAreStreamedAndLimitedToo() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient();
            JsonObject echo = new JsonObject(chunkedPost(client, 1_000_000, 200));
            assertEquals(1_000_000, echo.getLong("bodyLength"));
            assertEquals("chunked", echo.getJsonObject("headers").getString("transfer-encoding"));
            JsonObject problem = new JsonObject(chunkedPost(client, 3_000_000, 413));
            assertEquals(413, problem.getInteger("status"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String chunkedPost(HttpClient client, int size, int expectedStatus) throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Future<String> body = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost")
                .setPort(RestAssured.port).setURI("/api/v1/complaints").putHeader("Authorization", STAFF))
                .compose(request -> {
                    request.setChunked(true);
                    for (int sent = 0; sent < size; sent += chunk.length) {
                        request.write(Buffer.buffer(chunk).slice(0, Math.min(chunk.length, size - sent)));
                    }
                    request.end();
                    return request.response();
                })
                .compose(response -> {
                    assertEquals(expectedStatus, response.statusCode());
                    return response.body();
                })
                .map(Buffer::toString);
        return body.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void theBackendsStatusAndHeadersPassThrough() {
        given().header("Authorization", STAFF).when().get("/api/v1/surveys/s-1?status=404").then().statusCode(404)
                .header("X-Backend", "stub");
    }

    @Test
    void proxiedRoutesNeedAValidBearerToken() {
        given().when().get("/api/v1/customers").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401))
                .body("type", equalTo("/problems/unauthenticated"));
        given().header("Authorization", "Bearer " + TestTokens.expired("staff", "B-NANCHANG"))
                .when().get("/api/v1/customers").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.forged("gm", "HQ"))
                .when().get("/api/v1/customers").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.jwt")
                .when().get("/api/v1/customers").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void apiKeysCannotCallUserEndpoints() {
        given().header("X-Api-Key", GatewayTestResource.posKey()).when().get("/api/v1/customers").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("X-Api-Key", GatewayTestResource.posKey()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/complaints").then().statusCode(403).contentType("application/problem+json");
        // not even beside a person's valid token
        given().header("X-Api-Key", GatewayTestResource.posKey()).header("Authorization", STAFF)
                .when().get("/api/v1/customers").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutAPersonsRoleIs403() {
        given().header("Authorization", TestTokens.bearer("integration", "HQ")).when().get("/api/v1/customers")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("nobody", "HQ")).when().get("/api/v1/kpis")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBackendThatIsDownIs502() {
        given().header("Authorization", STAFF).when().get("/api/v1/kpis").then().statusCode(502)
                .contentType("application/problem+json").body("status", equalTo(502))
                .body("detail", not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void aBackendThatDoesNotAnswerIs504() {
        given().header("Authorization", STAFF).when().get("/api/v1/campaigns/c-1/slow").then().statusCode(504)
                .contentType("application/problem+json").body("status", equalTo(504));
    }

    @Test
    void aFailingBackendOpensItsCircuit() {
        int status = 0;
        for (int i = 0; i < 5 && status != 503; i++) {
            status = given().header("Authorization", STAFF).when().get("/api/v1/plans").then().extract().statusCode();
        }
        assertEquals(503, status);
        given().header("Authorization", STAFF).when().get("/api/v1/org-units").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
    }

    @Test
    void unknownResourcesAre404() {
        given().header("Authorization", STAFF).when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodiesAre413BeforeReachingTheBackend() {
        given().header("Authorization", STAFF).contentType(ContentType.BINARY).body(new byte[3 * 1024 * 1024])
                .when().post("/api/v1/complaints").then().statusCode(413).contentType("application/problem+json");
        // above what the services take (1 MB) but below the sales batches' limit (2 MB): still the gateway's 413
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(new byte[1_500_000])
                .when().post("/api/v1/complaints").then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("at most 1048576"));
    }

    @Test
    void corsAllowsOnlyTheConfiguredFrontEnds() {
        given().header("Origin", "https://app.test.mkt.local").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/customers").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.test.mkt.local");
        given().header("Origin", "https://app.test.mkt.local").header("Authorization", STAFF)
                .when().get("/api/v1/customers").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.test.mkt.local");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/customers").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
