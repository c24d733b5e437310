package com.example.mkt.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.example.mkt.e2e.Http.Caller;
import com.fasterxml.jackson.databind.JsonNode;

/** A server-sent-event stream of the gateway as a browser's EventSource reads it: one event per blank line. */
final class LiveStream implements AutoCloseable {

    /** One event: its {@code event} name and its {@code data}, parsed. */
    record Event(String name, JsonNode data, long receivedNanos) {
    }

    private final Stream<String> body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private LiveStream(Stream<String> body) {
        this.body = body;
    }

    /** Opens {@code path} as {@code caller}; fails unless the gateway answers 200 text/event-stream. */
    static LiveStream open(String gatewayUrl, String path, Caller caller) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header(caller.header(),
                caller.value()).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            String text = String.join("\n", response.body().toList());
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + text);
        }
        LiveStream stream = new LiveStream(response.body());
        Thread reader = new Thread(stream::read, "e2e-live-" + path);
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private void read() {
        List<String> lines = new ArrayList<>();
        try {
            body.forEach(line -> {
                if (!line.isEmpty()) {
                    lines.add(line);
                    return;
                }
                String name = null;
                String data = null;
                for (String l : lines) {
                    name = l.startsWith("event: ") ? l.substring(7) : name;
                    data = l.startsWith("data: ") ? l.substring(6) : data;
                }
                lines.clear();
                if (name != null && data != null) {
                    try {
                        events.add(new Event(name, Http.JSON.readTree(data), System.nanoTime()));
                    } catch (Exception e) {
                        throw new IllegalStateException("not JSON: " + data, e);
                    }
                }
            });
        } catch (RuntimeException closed) {
            // closed by the test
        }
    }

    /** The next event within {@code timeout}, or null. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        body.close();
    }
}
