package com.example.mkt.gateway.asyncapi;

import static com.example.mkt.gateway.asyncapi.AsyncApiDocument.ref;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.mkt.gateway.asyncapi.EventCatalogue.EventGroup;
import com.example.mkt.gateway.asyncapi.EventCatalogue.Topic;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of the document every message shares: the CloudEvents envelope around an event type's data, the Kafka
 * record key and headers, and the dead letter (libs/eventing's DeadLetters writes those headers).
 */
final class EnvelopeParts {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvelopeParts() {
    }

    /** The message of one event type: its envelope pinned to the type, its data the producer's schema. */
    static ObjectNode message(String type, EventGroup group, Topic topic, ObjectNode dataSchema) {
        ObjectNode message = NODES.objectNode().put("name", type).put("title", type)
                .put("summary", dataSchema.path("x-source").path("title").asText(type)).put("description", description(type, group, topic, dataSchema))
                .put("contentType", CONTENT_TYPE);
        message.set("headers", ref("#/components/schemas/" + AsyncApiDocument.EVENT_HEADERS));
        message.set("payload", payload(type, group));
        message.putObject("correlationId").put("location", "$message.payload#/id")
                .put("description", "The envelope id, unique per event: the consumers' inbox key.");
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", "= subject: " + group.key());
        kafka.put("bindingVersion", AsyncApiDocument.KAFKA_BINDING);
        return message;
    }

    private static ObjectNode payload(String type, EventGroup group) {
        ObjectNode pinned = NODES.objectNode().put("type", "object");
        pinned.putArray("required").add("type").add("dataversion").add("subject").add("data");
        ObjectNode properties = pinned.putObject("properties");
        properties.putObject("type").put("const", type);
        properties.putObject("dataversion").put("const", Integer.toString(group.dataversion()));
        List<String> services = group.producers().stream().filter(p -> !p.equals(AsyncApiDocument.OTHER_SYSTEMS))
                .map(p -> "/" + p).toList();
        properties.putObject("source").put("description", group.producers().contains(AsyncApiDocument.OTHER_SYSTEMS)
                ? "The producing system, e.g. /pos-system; " + String.join(", ", services) + " through the gateway"
                : "The producing service: " + String.join(", ", services));
        properties.putObject("subject").put("type", "string").put("description", "The record key: " + group.key());
        properties.set("data", ref("#/components/schemas/" + group.schemaName(type)));
        ObjectNode payload = NODES.objectNode().put("title", PublishedSchemas.typeName(type) + "Event")
                .put("description", "CloudEvents 1.0 structured mode: the envelope, its data a " + type + " v"
                        + group.dataversion() + ".");
        payload.putArray("allOf").add(ref("#/components/schemas/" + PublishedSchemas.ENVELOPE)).add(pinned);
        return payload;
    }

    private static String description(String type, EventGroup group, Topic topic, ObjectNode dataSchema) {
        Map<String, List<String>> consumers = topic.consumers();
        String readers = consumers.entrySet().stream().filter(e -> e.getValue().contains(type)).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder(dataSchema.path("description").asText(""));
        if (group.description() != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append(group.description());
        }
        text.append(text.isEmpty() ? "" : "\n\n").append("Topic `").append(topic.address()).append("`; record key and")
                .append(" subject: ").append(group.key()).append(". Produced by ")
                .append(String.join(", ", group.producers())).append("; consumed by ")
                .append(readers.isEmpty() ? "none yet" : readers).append('.');
        return text.toString();
    }

    /** Kafka record headers of every event. */
    static ObjectNode eventHeaders() {
        ObjectNode headers = NODES.objectNode().put("title", "EventHeaders").put("type", "object")
                .put("description", "Kafka record headers of every event.");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("content-type").put("const", CONTENT_TYPE + "; charset=UTF-8");
        properties.putObject("traceparent").put("type", "string")
                .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                .put("description", "W3C trace context, when a trace is active");
        properties.putObject("tracestate").put("type", "string").put("description", "W3C trace context");
        return headers;
    }

    /** The headers a dead letter carries besides the original record's. */
    static ObjectNode deadLetterHeaders() {
        ObjectNode headers = NODES.objectNode().put("title", "DeadLetterHeaders").put("type", "object")
                .put("description", "The original record's headers, plus why and where it failed.");
        headers.putArray("required").add("dlq-reason").add("dlq-consumer").add("dlq-original-topic")
                .add("dlq-original-partition").add("dlq-original-offset").add("dlq-failed-at");
        ObjectNode properties = headers.putObject("properties");
        text(properties, "dlq-reason", "Why the consumer could not process the record");
        text(properties, "dlq-consumer", "The consumer that gave up (its name in the service)");
        text(properties, "dlq-original-topic", "The topic the record was read from");
        properties.putObject("dlq-original-partition").put("type", "string").put("pattern", "^[0-9]+$");
        properties.putObject("dlq-original-offset").put("type", "string").put("pattern", "^[0-9]+$");
        properties.putObject("dlq-failed-at").put("type", "string").put("format", "date-time");
        text(properties, "dlq-exception", "Class of the exception, when one was thrown");
        text(properties, "dlq-stacktrace", "Its stack trace, at most 4,000 characters");
        properties.set("content-type", ref("#/components/schemas/" + AsyncApiDocument.EVENT_HEADERS
                + "/properties/content-type"));
        return headers;
    }

    private static void text(ObjectNode properties, String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
    }

    /** A record a consumer could not process; its value is whatever the original was. */
    static ObjectNode deadLetterMessage() {
        ObjectNode message = NODES.objectNode().put("name", AsyncApiDocument.DEAD_LETTER).put("title", "Dead letter")
                .put("summary", "A record a consumer could not process, unchanged")
                .put("description", "Key and value are the original record's. The value is normally an event of the"
                        + " original topic (its messages in this document), but may be anything that arrived there:"
                        + " not JSON, an invalid envelope, data breaking its schema.")
                .put("contentType", CONTENT_TYPE);
        message.set("headers", ref("#/components/schemas/" + AsyncApiDocument.DEAD_LETTER_HEADERS));
        message.putObject("payload").put("description", "The original record's value, byte for byte");
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", "The original record's key");
        kafka.put("bindingVersion", AsyncApiDocument.KAFKA_BINDING);
        return message;
    }
}
