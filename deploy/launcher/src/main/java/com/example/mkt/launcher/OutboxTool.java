package com.example.mkt.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's parked outbox rows (events Kafka refused until the relay set them aside), through the service's own
 * ops endpoint {@code /ops/outbox/parked} with an {@code ops} token: list them with their reasons, release one (with
 * the rows of its key held behind it) or all once the cause is fixed. The service's relay then publishes them in order.
 */
final class OutboxTool {

    private final String baseUrl;
    private final String bearer;
    private final Console console;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OutboxTool(String baseUrl, String bearer, Console console) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
        this.console = console;
    }

    void run(OutboxRequest request) {
        String service = request.service().name();
        switch (request.action()) {
            case LIST -> {
                List<JsonNode> rows = list();
                console.step(service + ": " + rows.size() + " parked outbox row" + (rows.size() == 1 ? "" : "s"));
                if (!rows.isEmpty()) {
                    console.table(rows(rows));
                    console.line("release once fixed: ./platform outbox release " + service + " --id <ID> (or --all)");
                }
            }
            case RELEASE -> {
                String path = request.all() ? "/release-all" : "/" + request.id().getAsLong() + "/release";
                JsonNode answer = call("POST", path);
                int released = answer.path("released").asInt();
                console.line(service + ": " + released + " parked row" + (released == 1 ? "" : "s")
                        + " released; the relay publishes them in their order");
            }
        }
    }

    private List<JsonNode> list() {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = call("GET", "?limit=500" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(rows::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return rows;
    }

    static List<List<String>> rows(List<JsonNode> parked) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "TOPIC", "KEY", "TYPE", "ATTEMPTS", "PARKED AT", "REASON"));
        for (JsonNode r : parked) {
            String reason = r.path("reason").asText("").replaceAll("\\s+", " ");
            rows.add(List.of(r.path("id").asText(), r.path("topic").asText(), r.path("key").asText(),
                    r.path("type").asText(), r.path("attempts").asText(), r.path("parkedAt").asText(),
                    reason.length() <= 100 ? reason : reason.substring(0, 99) + "…"));
        }
        return rows;
    }

    private JsonNode call(String method, String path) {
        String url = baseUrl + "/ops/outbox/parked" + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformException("cannot reach " + url + " (is the service running? ./platform status): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
        if (response.statusCode() == 404 && method.equals("POST")) {
            throw new PlatformException("no parked row under that id (./platform outbox list <service>)");
        }
        if (response.statusCode() != 200) {
            throw new PlatformException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return BenchHttp.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("unreadable answer from " + url + ": " + e);
        }
    }
}
