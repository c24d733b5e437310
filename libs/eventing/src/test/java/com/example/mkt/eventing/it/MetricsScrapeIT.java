package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.testinfra.KafkaTestClient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The metrics the alerts and the dashboard of deploy/k8s read (deploy/k8s/base/monitoring/metric-names.txt, whose
 * every name the launcher's MonitoringManifestsTest requires of the PrometheusRule and dashboard) are the ones a
 * running service with libs/eventing exposes on /q/metrics: after it consumed, dead-lettered and published.
 */
@QuarkusTest
class MetricsScrapeIT {

    private static final Path NAMES = Path.of("../../deploy/k8s/base/monitoring/metric-names.txt");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    @TestHTTPResource("/q/metrics")
    URL metrics;
    @Inject
    EventCodec codec;

    @Test
    void everyMetricTheAlertsReadForThisLibraryIsExposed() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("eventing.test.in", "scrape", codec.write(new EventEnvelope("1.0", UUID.randomUUID().toString(),
                    "/test-producer", "test.happened", "1", null, OffsetDateTime.now(), "scrape", "application/json",
                    codec.toTree(Map.of("note", "scraped"))))); // applied
            kafka.send("eventing.test.in", "scrape", "not an event " + UUID.randomUUID()); // to the dead-letter topic
        }
        Set<String> expected = expected();
        Set<String> missing = new TreeSet<>(expected);
        // KafkaClientMeters lists a consumer's partition metrics (the lag) every few seconds, not every minute
        long deadline = System.nanoTime() + 30_000_000_000L;
        Set<String> exposed = Set.of();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            exposed = exposed(scrape());
            missing.removeAll(exposed);
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        Files.write(Path.of("target/exposed-metric-names.txt"), exposed);
        System.out.printf("%d metric names exposed (target/exposed-metric-names.txt); %d read by the alerts here%n",
                exposed.size(), expected.size());
        assertFalse(expected.isEmpty());
        assertEquals(Set.of(), missing, "read by deploy/k8s alerts or dashboard but not exposed");
    }

    /**
     * The names metric-names.txt attributes to libs/eventing (the outbox parking's gauges included) or to the Kafka
     * client, every service's part.
     */
    private static Set<String> expected() throws IOException {
        List<String> sources = List.of("eventing", "kafka-client", "eventing-parking");
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(NAMES)) {
            String[] fields = line.replaceAll("#.*", "").trim().split("\\s+");
            if (fields.length >= 2 && sources.contains(fields[1])) {
                names.add(fields[0]);
            }
        }
        return names;
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                metrics.toString())).header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static Set<String> exposed(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
