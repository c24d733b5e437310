package com.example.mkt.gateway.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The platform's topics and event types as {@code asyncapi/catalogue.yaml} lists them: the one source of the AsyncAPI
 * document, kept equal to docs/events.md by a test.
 */
public record EventCatalogue(List<String> services, List<Topic> topics) {

    public static final String RESOURCE = "asyncapi/catalogue.yaml";
    /** A consumer that handles every type of its group. */
    static final String ALL = "all";

    public record Topic(String address, int partitions, String description, List<EventGroup> events) {

        public List<String> types() {
            return events.stream().flatMap(group -> group.types().stream()).toList();
        }

        /** Every service consuming the topic, each with the types it handles, in the catalogue's order. */
        public Map<String, List<String>> consumers() {
            Map<String, List<String>> reads = new LinkedHashMap<>();
            for (EventGroup group : events) {
                group.consumers().keySet().forEach(service ->
                        reads.computeIfAbsent(service, s -> new ArrayList<>()).addAll(group.reads(service)));
            }
            return reads;
        }

        /** Every producer of the topic, each with the types it publishes. */
        public Map<String, List<String>> producers() {
            Map<String, List<String>> sends = new LinkedHashMap<>();
            for (EventGroup group : events) {
                group.producers().forEach(producer ->
                        sends.computeIfAbsent(producer, p -> new ArrayList<>()).addAll(group.types()));
            }
            return sends;
        }
    }

    /**
     * Event types that share a key, producers and consumers (one row of docs/events.md). {@code consumers} maps a
     * service to {@code all} or to the list of the types it handles.
     */
    public record EventGroup(List<String> types, String key, List<String> producers, Map<String, JsonNode> consumers,
            String description, Integer dataversion) {

        public EventGroup {
            consumers = consumers == null ? Map.of() : consumers;
            dataversion = dataversion == null ? 1 : dataversion;
        }

        List<String> reads(String service) {
            JsonNode reads = consumers.get(service);
            if (reads == null) {
                return List.of();
            }
            if (reads.isTextual() && ALL.equals(reads.asText())) {
                return types;
            }
            List<String> handled = new ArrayList<>();
            reads.forEach(type -> handled.add(type.asText()));
            if (!reads.isArray() || !types.containsAll(handled)) {
                throw new IllegalStateException(service + " consumes " + reads + ", not 'all' or types of " + types);
            }
            return handled;
        }

        /** Where the schema of {@code data} lives: {@code <type>.v<dataversion>}. */
        String schemaName(String type) {
            return type + ".v" + dataversion;
        }
    }

    public static EventCatalogue load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new YAMLMapper().readValue(in, EventCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
