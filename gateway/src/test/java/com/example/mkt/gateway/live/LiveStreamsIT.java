package com.example.mkt.gateway.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestEvents;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * GET /api/v1/live/kpis and /campaigns against the real broker: kpi.measured and campaign.progress-changed records,
 * published as kpi-service and campaign-service publish them, reach the streams of the callers whose org scope holds
 * their unit, and only those, each on its own stream.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class LiveStreamsIT {

    private static final String TOPIC = "kpi.events";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String REGION = "R-LIVE-" + SUFFIX;
    private static final String MINE = "B-LIVE-A-" + SUFFIX;
    private static final String OTHER = "B-LIVE-B-" + SUFFIX;

    @TestHTTPResource("/api/v1/live/kpis")
    URL url;

    @TestHTTPResource("/api/v1/live/campaigns")
    URL campaignsUrl;

    @Inject
    OrgDirectory directory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Stream<String>> open = new ArrayList<>();
    private KafkaTestClient kafka;

    /** One open stream: its status and the events read so far, each as its lines. */
    record Opened(int status, String problem, BlockingQueue<List<String>> events) {

        List<String> next() throws InterruptedException {
            List<String> event = events.poll(30, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event within 30 s");
            }
            return event;
        }

        /** The next event that is not a keep-alive comment or the retry hint. */
        List<String> nextEvent() throws InterruptedException {
            while (true) {
                List<String> e = next();
                if (e.stream().anyMatch(l -> l.startsWith("event: ") || l.startsWith("data: "))) {
                    return e;
                }
            }
        }
    }

    @BeforeEach
    void tree() throws InterruptedException {
        kafka = new KafkaTestClient();
        TestEvents.publishOrgUnits(kafka, new TestEvents.OrgUnit(REGION, "直播大区", "REGION", null),
                new TestEvents.OrgUnit(MINE, "南昌直播支行", "BRANCH", REGION),
                new TestEvents.OrgUnit(OTHER, "成都直播支行", "BRANCH", REGION));
        TestEvents.await("the org tree replicated", () -> directory.subtree(REGION).containsAll(List.of(MINE, OTHER)));
    }

    @AfterEach
    void close() {
        open.forEach(Stream::close);
        kafka.close();
    }

    private Opened connect(String authorization, String lastEventId) throws Exception {
        return connect(url, authorization, lastEventId);
    }

    private Opened connect(URL stream, String authorization, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream.toURI()).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            request.header(LiveRoutes.LAST_EVENT_ID, lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        open.add(response.body());
        BlockingQueue<List<String>> events = new LinkedBlockingQueue<>();
        if (response.statusCode() != 200) {
            return new Opened(response.statusCode(), String.join("\n", response.body().toList()), events);
        }
        {
            assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            Thread reader = new Thread(() -> {
                List<String> event = new ArrayList<>();
                try {
                    response.body().forEach(line -> {
                        if (line.isEmpty()) {
                            events.add(List.copyOf(event));
                            event.clear();
                        } else {
                            event.add(line);
                        }
                    });
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }
        return new Opened(response.statusCode(), null, events);
    }

    private String measured(String unit, String value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kpi", "SALES_AMOUNT");
        data.put("orgUnit", unit);
        data.put("period", "2026-12-06");
        data.put("periodType", "DAY");
        data.put("value", value);
        data.put("numerator", value);
        data.put("unit", "MONEY");
        data.put("currency", "CNY");
        data.put("asOf", "2026-12-06T10:15:00+08:00");
        return TestEvents.envelope("/kpi-service", "kpi.measured", "SALES_AMOUNT:" + unit + ":2026-12-06", data);
    }

    private String progress(String branch, String added, String achieved) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", "cmp-live-" + SUFFIX);
        data.put("code", "LIVE-" + SUFFIX);
        data.put("branch", branch);
        data.put("added", added);
        data.put("contributions", 1);
        data.put("achieved", achieved);
        data.put("currency", "CNY");
        return TestEvents.envelope("/campaign-service", "campaign.progress-changed", "cmp-live-" + SUFFIX, data);
    }

    private static String data(List<String> event) {
        return event.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
    }

    private static String id(List<String> event) {
        return event.stream().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
    }

    /**
     * The consumer reads from the newest records on, from when it is assigned its partitions: until a probe comes
     * through on the whole-company stream, what is published may be before its start.
     */
    private void awaitLive(Opened gm) throws Exception {
        awaitLive(gm, TOPIC, () -> measured(REGION, "0.0" + (System.nanoTime() % 10)));
    }

    private void awaitLive(Opened gm, String topic, java.util.function.Supplier<String> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            kafka.send(topic, "probe", probe.get());
            List<String> e = gm.events().poll(1, TimeUnit.SECONDS);
            while (e != null) {
                if (e.stream().anyMatch(l -> l.startsWith("data: ") && l.contains(REGION))) {
                    Thread.sleep(300);
                    gm.events().clear();
                    return;
                }
                e = gm.events().poll(100, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("the live consumer never caught up with kpi.events");
    }

    @Test
    void aManagerSeesTheCellsOfTheirBranchAsTheyChangeAndNothingOfAnother() throws Exception {
        Opened gm = connect(TestTokens.bearer("gm", "HQ"), null);
        assertEquals(200, gm.status());
        assertTrue(gm.next().contains("retry: " + LiveStream.RETRY_MS), "the first lines say how long to wait");
        awaitLive(gm);
        Opened manager = connect(TestTokens.bearer("manager", MINE), null);
        assertEquals(200, manager.status());
        // one key, one partition: published in this order, read in this order
        kafka.send(TOPIC, "same-key", measured(MINE, "1200.50"));
        kafka.send(TOPIC, "same-key", measured(OTHER, "999.00"));
        kafka.send(TOPIC, "same-key", measured(MINE, "1500.00"));

        List<String> first = manager.nextEvent();
        assertTrue(first.contains("event: kpi.measured"), first.toString());
        assertTrue(data(first).contains("\"orgUnit\":\"" + MINE + "\"") && data(first).contains("\"1200.50\""),
                data(first));
        List<String> second = manager.nextEvent();
        assertTrue(data(second).contains("\"1500.00\""), "the other branch's update between them was not sent: "
                + data(second));
        String otherSeenByGm = null;
        for (int i = 0; i < 20 && otherSeenByGm == null; i++) {
            List<String> e = gm.nextEvent();
            otherSeenByGm = data(e).contains(OTHER) ? data(e) : null;
        }
        assertTrue(otherSeenByGm != null && otherSeenByGm.contains("\"999.00\""), "gm sees every unit");

        // a reconnect with the last id it saw gets what it missed first
        Opened resumed = connect(TestTokens.bearer("manager", MINE), id(first));
        assertTrue(resumed.next().contains("retry: " + LiveStream.RETRY_MS));
        List<String> replayed = resumed.nextEvent();
        assertEquals(id(second), id(replayed));
        assertTrue(data(replayed).contains("\"1500.00\""));
    }

    @Test
    void campaignProgressHasAStreamOfItsOwnScopedByBranch() throws Exception {
        Opened gm = connect(campaignsUrl, TestTokens.bearer("gm", "HQ"), null);
        assertEquals(200, gm.status());
        awaitLive(gm, "campaign.events", () -> progress(REGION, "0.01", "0.01"));
        awaitLive(connect(TestTokens.bearer("gm", "HQ"), null)); // the KPI channel too, whichever test runs first
        Opened manager = connect(campaignsUrl, TestTokens.bearer("manager", MINE), null);
        Opened kpis = connect(TestTokens.bearer("manager", MINE), null);
        kafka.send("campaign.events", "cmp-live-" + SUFFIX, progress(MINE, "300.00", "300.00"));
        kafka.send("campaign.events", "cmp-live-" + SUFFIX, progress(OTHER, "80.00", "80.00"));
        kafka.send("campaign.events", "cmp-live-" + SUFFIX, progress(MINE, "-20.00", "280.00"));

        List<String> first = manager.nextEvent();
        assertTrue(first.contains("event: campaign.progress-changed"), first.toString());
        assertTrue(data(first).contains("\"branch\":\"" + MINE + "\"") && data(first).contains("\"300.00\""));
        List<String> second = manager.nextEvent();
        assertTrue(data(second).contains("\"achieved\":\"280.00\""), "a refund's negative progress, and nothing of"
                + " the other branch between: " + data(second));
        kafka.send(TOPIC, "same-key", measured(MINE, "42.00"));
        List<String> onKpis = kpis.nextEvent();
        assertTrue(onKpis.contains("event: kpi.measured") && data(onKpis).contains("\"42.00\""),
                "the KPI stream carries KPI cells only: " + onKpis);
    }

    /**
     * A client that opens a stream and stops reading: once more than gateway.live.max-queued (256 KiB in the tests)
     * waits for it beyond what the sockets hold, the gateway closes the connection instead of keeping the bytes.
     */
    @Test
    void aClientThatStopsReadingIsDisconnected() throws Exception {
        Opened gm = connect(TestTokens.bearer("gm", "HQ"), null);
        awaitLive(gm);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress(url.getHost(), url.getPort()));
            socket.getOutputStream().write(("GET " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost()
                    + "\r\nAuthorization: " + TestTokens.bearer("manager", MINE) + "\r\nAccept: text/event-stream"
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(500);
            // 1,500 updates of ~10 KB for the manager's branch: 15 MB, beyond any socket buffer of this machine
            String padding = "x".repeat(10_000);
            for (int i = 0; i < 1_500; i++) {
                kafka.send(TOPIC, "slow-" + (i % 6), measured(MINE, i + ".00").replace("\"asOf\"",
                        "\"padding\":\"" + padding + "\",\"asOf\""));
            }
            socket.setSoTimeout(20_000);
            long read = 0;
            try (var in = socket.getInputStream()) {
                byte[] buffer = new byte[65_536];
                for (int n; (n = in.read(buffer)) >= 0;) {
                    read += n;
                }
            } catch (java.net.SocketException reset) {
                // closed by the gateway with a reset: what was buffered may be lost, that is the point
            }
            assertTrue(read < 15_000_000L, "the stream was cut before everything was sent: " + read + " bytes");
        }
    }

    @Test
    void anIdThisInstanceCannotKnowIsAnsweredWithAReset() throws Exception {
        Opened stream = connect(TestTokens.bearer("manager", MINE), "another-instance:12");
        assertEquals(200, stream.status());
        List<String> reset = stream.nextEvent();
        assertTrue(reset.contains("event: reset"), reset.toString());
        assertTrue(data(reset).contains("reload"), data(reset));
        // an idle stream is kept open by comment lines (the tests' heartbeat is 1 s)
        assertEquals(List.of(": keep-alive"), stream.next());
    }

    @Test
    void onlyPeopleWithATokenMayListenAndEachOnlyOnAFewStreams() throws Exception {
        given().when().get("/api/v1/live/kpis").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().header("X-Api-Key", GatewayTestResource.posKey()).when().get("/api/v1/live/kpis").then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("manager", MINE)).when().post("/api/v1/live/kpis").then()
                .statusCode(405).header("Allow", "GET").contentType("application/problem+json");

        String token = "Bearer " + TestTokens.token("staff", MINE, "s-live-" + SUFFIX, Duration.ofHours(1));
        for (int i = 0; i < 4; i++) {
            assertEquals(200, connect(token, null).status());
        }
        Opened fifth = connect(token, null);
        assertEquals(429, fifth.status(), "a fifth stream of the same person");
        assertTrue(fifth.problem().contains("/problems/too-many-streams"), fifth.problem());
        open.forEach(Stream::close);
        open.clear();
        TestEvents.await("closed streams are given back", () -> {
            try {
                Opened again = connect(token, null);
                return again.status() == 200;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(20));
    }
}
