package com.example.mkt.contracts.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sales contract's edge records ({@code contract/sales.recorded.edge-records.json}), made into the exact Kafka
 * record values one run sends, so that every consumer's SalesContractIT is fed the same records in the same order
 * and expects the same outcome: the same records applied, the same records dead-lettered, the same total.
 */
public final class SalesEdgeRecords {

    public static final String RESOURCE = "contract/sales.recorded.edge-records.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record: {@code value} is exactly what is sent, {@code eventId} the sale's (null when it has none). */
    public record Edge(String id, String name, String expect, String eventId, String value) {
    }

    private final String key;
    private final BigDecimal total;
    private final List<Edge> edges;

    private SalesEdgeRecords(String key, BigDecimal total, List<Edge> edges) {
        this.key = key;
        this.total = total;
        this.edges = edges;
    }

    /** The records of one run: {@code run} prefixes every id, {@code unit} and {@code code} as the file says. */
    public static SalesEdgeRecords load(String run, String unit, String code) {
        String text;
        try (InputStream in = SalesEdgeRecords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replace("{run}", run).replace("{unit}", unit).replace("{code}", code);
        try {
            JsonNode file = JSON.readTree(text);
            String key = file.get("key").asText();
            List<Edge> edges = new ArrayList<>();
            for (JsonNode r : file.get("records")) {
                edges.add(edge(r, key));
            }
            return new SalesEdgeRecords(key, new BigDecimal(file.get("total").asText()), List.copyOf(edges));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Edge edge(JsonNode r, String key) throws IOException {
        String value;
        String eventId = null;
        if (r.has("raw")) {
            value = r.get("raw").asText();
        } else {
            JsonNode data = r.get("data");
            eventId = data.path("eventId").isTextual() ? data.get("eventId").asText() : null;
            ObjectNode envelope = JSON.createObjectNode().put("specversion", "1.0")
                    .put("id", UUID.randomUUID().toString()).put("source", "/contract-test")
                    .put("type", r.path("type").asText("sales.recorded"))
                    .put("dataversion", r.path("dataversion").asText("1"))
                    .put("time", "2026-06-15T10:00:01+08:00").put("subject", key)
                    .put("datacontenttype", "application/json");
            envelope.set("data", data);
            value = JSON.writeValueAsString(envelope);
        }
        return new Edge(r.get("id").asText(), r.get("name").asText(), r.get("expect").asText(), eventId, value);
    }

    /** The one record key every record is sent with, so that they stay in order on one partition. */
    public String key() {
        return key;
    }

    /** What the run's applied records add up to in every consumer. */
    public BigDecimal total() {
        return total;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The ids of the records expected to end as {@code expect} (APPLIED, DLQ, IGNORED, REPEAT). */
    public Set<String> ids(String expect) {
        Set<String> out = new TreeSet<>();
        edges.stream().filter(e -> e.expect().equals(expect)).forEach(e -> out.add(e.id()));
        return out;
    }

    /** Every eventId the run names: a consumer's per-sale rows are looked up by them. */
    public List<String> eventIds() {
        return edges.stream().map(Edge::eventId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The eventIds of the records every consumer counts. */
    public Set<String> appliedEventIds() {
        Set<String> out = new TreeSet<>();
        edges.stream().filter(e -> e.expect().equals("APPLIED")).forEach(e -> out.add(e.eventId()));
        return out;
    }

    /** The id of the record sent with exactly this value, or null (a dead letter keeps the value unchanged). */
    public String idOf(String value) {
        return edges.stream().filter(e -> e.value().equals(value)).map(Edge::id).findFirst().orElse(null);
    }

    /** The eventId whose arrival shows that every record before it has been read (the last APPLIED one). */
    public String lastEventId() {
        return edges.get(edges.size() - 1).eventId();
    }
}
