package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile input through the front door: every operation of the gateway's merged API document, a plausible request and
 * its mutations ({@link ApiFuzzer}), sent with tokens of several roles. No answer may be a 5xx, and every error must be
 * problem+json with a {@code type}. Seeded ({@code -Dfuzz.seed}) and reproducible; prints the count of each status.
 *
 * <p>On the {@link SharedPlatform}: the branch the people of the tokens belong to, and the fuzzer's org unit in
 * queries, is {@value #BRANCH}, a unit of this class's own (the demo BenchIT runs has a B-NANCHANG, PlatformE2EIT its
 * B-E2E-* units). The fuzzer cannot post sales (people get 403 there), so it moves no KPI another class checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.class)
class HostileInputIT {

    static final String BRANCH = "B-FUZZ";

    private static final int MINIMUM_REQUESTS = 3_000;
    private static final int CLIENTS = 4;

    private LocalPlatform platform;
    /** The merged API document: every answer's status must be one it lists for the operation. */
    private JsonNode document;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void onTheSharedPlatform(LocalPlatform shared) {
        platform = shared;
        Http http = new Http(platform.gatewayUrl());
        Http.Caller gm = Http.Caller.bearer(platform.token("gm", "HQ", "fuzz-setup"));
        // the head office HQ is there from the first start (planning-service's configured root)
        http.post(gm, "/api/v1/org-units", Map.of("code", BRANCH, "name", "模糊测试网点", "kind", "BRANCH",
                "parent", "HQ")).expect(201);
    }

    @Test
    void noMutationOfAnyOperationGetsA5xxAndEveryErrorIsAProblem() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261205L);
        document = Http.JSON.readTree(send("GET", "/openapi?format=json", null, null, "none").body());
        List<ApiFuzzer.Probe> probes = new ApiFuzzer(document, seed, BRANCH).probes();
        List<String> tokens = new ArrayList<>();
        for (String[] r : new String[][] {{"gm", "HQ"}, {"manager", BRANCH}, {"staff", BRANCH},
                {"analyst", "HQ"}, {"marketing_director", "HQ"}, {"supervisor", BRANCH}}) {
            for (int i = 0; i < 8; i++) {
                // many subjects: the per-user rate limit would otherwise answer most of the run with 429
                tokens.add(platform.token(r[0], r[1], "fuzz-" + r[0] + "-" + i));
            }
        }
        assertTrue(probes.size() >= MINIMUM_REQUESTS, probes.size() + " probes from " + document.path("paths").size()
                + " paths");

        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < probes.size(); i = next.getAndIncrement()) {
                        check(probes.get(i), tokens.get(i % tokens.size()), statuses, failures);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("hostile input: " + probes.size() + " requests (seed " + seed + "), by status " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers (seed " + seed + "):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private void check(ApiFuzzer.Probe probe, String token, Map<Integer, Integer> statuses, List<String> failures) {
        HttpResponse<String> answer;
        try {
            answer = send(probe.method(), probe.uri(), probe.body() == null ? null : probe.body().get(), probe.contentType(),
                    token);
        } catch (Exception e) {
            failures.add(probe.operation() + " [" + probe.mutation() + "]: no answer: " + e);
            return;
        }
        statuses.merge(answer.statusCode(), 1, Integer::sum);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String what = probe.operation() + " [" + probe.mutation() + "] -> " + answer.statusCode() + " " + type + ": "
                + answer.body().substring(0, Math.min(200, answer.body().length()));
        if (!documented(probe, answer.statusCode())) {
            failures.add("undocumented status: " + what);
        } else if (answer.statusCode() >= 500) {
            failures.add(what);
        } else if (answer.statusCode() >= 400 && (!type.startsWith("application/problem+json")
                || !answer.body().contains("\"type\""))) {
            failures.add(what);
        }
    }

    /** Whether the API document lists the status among the operation's answers. */
    private boolean documented(ApiFuzzer.Probe probe, int status) {
        String[] operation = probe.operation().split(" ", 2);
        JsonNode responses = document.path("paths").path(operation[1]).path(operation[0].toLowerCase())
                .path("responses");
        return responses.isMissingNode() || responses.has(Integer.toString(status));
    }

    private HttpResponse<String> send(String method, String uri, byte[] body, String contentType, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + uri))
                .timeout(Duration.ofSeconds(60));
        if (!token.equals("none")) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return client.send(b.build(), info -> info.statusCode() == 200 && info.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/event-stream") ? openStream() : HttpResponse.BodySubscribers.ofString(
                        StandardCharsets.UTF_8));
    }

    /** A stream that opened (a live stream's 200): its headers are the answer; it is closed unread. */
    private static HttpResponse.BodySubscriber<String> openStream() {
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public java.util.concurrent.CompletionStage<String> getBody() {
                return java.util.concurrent.CompletableFuture.completedFuture("(an event stream, closed unread)");
            }

            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<java.nio.ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
    }
}
