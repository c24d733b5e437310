package com.example.mkt.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The public API as a front end sees it: JSON over HTTP through the gateway, nothing else. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final List<Exchange> exchanges = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** One request this client made and the status it was answered with. */
    record Exchange(String method, String path, int status) {
    }

    /** Every request made so far, in order, with its status: what the run asked of the API document. */
    List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    Http(String base) {
        this.base = base;
    }

    /** One answer: status, headers and the body as JSON (missing when it is not JSON). */
    record Answer(int status, Map<String, String> headers, String text, JsonNode json) {

        JsonNode at(String pointer) {
            return json.at(pointer);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }

        Answer expect(int wanted) {
            if (status != wanted) {
                throw new AssertionError("expected HTTP " + wanted + " but got " + status + ": " + text);
            }
            return this;
        }
    }

    /** Credentials: a bearer token or an API key. */
    record Caller(String header, String value) {

        static Caller bearer(String token) {
            return new Caller("Authorization", "Bearer " + token);
        }

        static Caller apiKey(String key) {
            return new Caller("X-Api-Key", key);
        }

        static final Caller NOBODY = new Caller(null, null);
    }

    Answer get(Caller caller, String path, String... query) {
        return send(caller, "GET", path + queryString(query), null, Map.of());
    }

    /** {@code POST /api/v1/org-units}: a unit of the tree, as planning-service takes it. */
    Answer createOrgUnit(Caller caller, String code, String name, String kind, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parent", parent);
        return post(caller, "/api/v1/org-units", body);
    }

    Answer post(Caller caller, String path, Object body) {
        return send(caller, "POST", path, body, Map.of());
    }

    Answer put(Caller caller, String path, Object body, String ifMatch) {
        return send(caller, "PUT", path, body, Map.of("If-Match", ifMatch));
    }

    Answer send(Caller caller, String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
            if (caller.header() != null) {
                request.header(caller.header(), caller.value());
            }
            headers.forEach(request::setHeader); // replacing the defaults, e.g. Accept
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            exchanges.add(new Exchange(method, path, response.statusCode()));
            Map<String, String> names = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> names.put(k.toLowerCase(), v.get(0)));
            JsonNode json;
            try {
                json = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), names, response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String queryString(String... pairs) {
        if (pairs.length == 0) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (q.length() > 1) {
                q.append('&');
            }
            q.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return q.toString();
    }
}
