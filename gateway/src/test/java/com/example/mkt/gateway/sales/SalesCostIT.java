package com.example.mkt.gateway.sales;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What a sales request costs the gateway's database: a fixed number of statements whatever the request holds (the
 * resend lookup and the receipts, one each), never one per event. The rate it accepts is printed, not judged.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class SalesCostIT {

    private static final String PATH = "/api/v1/sales-events";

    private static final AtomicInteger WAITS = new AtomicInteger();

    @TestHTTPResource
    URL base;

    @Test
    void aRequestCostsTheSameStatementsWhetherItHoldsTenEventsOrAThousand() {
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        post(batch("small", 10));
        for (int size : List.of(10, 1_000)) {
            String body = batch("cost" + size, size);
            var cost = stats.measure(() -> post(body), StatementStats::notBackground);
            System.out.printf("sales request of %d events: %d statements, %d rows%n%s%n", size, cost.statements(),
                    cost.rows(), cost.top());
            assertTrue(cost.statements() <= 3,
                    size + " events took " + cost.statements() + " statements:\n" + cost.top());
            // a resend is answered from the one lookup and writes nothing
            var resent = stats.measure(() -> post(body), StatementStats::notBackground);
            assertTrue(resent.statements() <= 2, "resend took " + resent.statements() + ":\n" + resent.top());
        }
    }

    /**
     * 20,000 sales in batches of 1,000 from 4 clients at once: the events/s are printed for the record only. The
     * clients use the JDK's HTTP client and look for the statuses in the answer's text: RestAssured's JSON parsing
     * took more CPU in this JVM than the gateway itself.
     */
    @Test
    void twentyThousandSalesInBatchesOfAThousand() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(base.toString().replaceAll("/$", "") + PATH);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            bodies.add(batch("rate" + b, 1_000));
        }
        post(batch("warm", 1_000));
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                done.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        postQuickly(http, uri, bodies.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("gateway accepted 20,000 sales in %.2f s: %.0f events/s (%d waits on 429)%n", seconds,
                20_000 / seconds, WAITS.get());
    }

    /** Posts and expects every event ACCEPTED or DUPLICATE; waits out the client's rate limit if it is reached. */
    private static void post(String body) {
        while (true) {
            Response r = given().header("X-Api-Key", GatewayTestResource.posKey()).contentType(ContentType.JSON)
                    .body(body).when().post(PATH);
            if (r.statusCode() == 429) {
                sleep(Long.parseLong(r.header("Retry-After")) * 1000);
                continue;
            }
            assertEquals(200, r.statusCode(), r.asString());
            List<String> statuses = r.jsonPath().getList("results.status");
            assertTrue(statuses.stream().allMatch(s -> s.equals("ACCEPTED") || s.equals("DUPLICATE")), r.asString());
            return;
        }
    }

    private static void postQuickly(HttpClient http, URI uri, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-Api-Key", GatewayTestResource.posKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (true) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                WAITS.incrementAndGet();
                sleep(Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")) * 1000);
                continue;
            }
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(!r.body().contains("REJECTED"), r.body());
            return;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String batch(String label, int size) {
        StringBuilder body = new StringBuilder("{\"events\": [");
        for (int i = 0; i < size; i++) {
            String customer = "{\"id\": \"c-cost-" + (i % 97) + "\"}";
            body.append(i == 0 ? "" : ",").append(SalesEventsIT.sale(SalesEventsIT.id(label + "-" + i), customer));
        }
        return body.append("]}").toString();
    }
}
