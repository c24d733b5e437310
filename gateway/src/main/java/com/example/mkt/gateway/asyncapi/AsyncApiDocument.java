package com.example.mkt.gateway.asyncapi;

import java.util.List;

import com.example.mkt.gateway.asyncapi.EventCatalogue.EventGroup;
import com.example.mkt.gateway.asyncapi.EventCatalogue.Topic;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of every topic, built from the {@link EventCatalogue}: a channel per topic and per
 * dead-letter topic, a message per event type (the CloudEvents envelope whose {@code data} is the producer's schema),
 * and the operations saying who sends and who receives what.
 *
 * <p>The producers' schemas are inlined into {@code components.schemas} and referenced locally: a code generator then
 * needs nothing but this document (no fetching, works on a saved copy), and names each model after its component key
 * ({@code sales.recorded.v1}). The unchanged files are served beside it for validating records.
 */
public final class AsyncApiDocument {

    static final String VERSION = "3.0.0";
    static final String KAFKA_BINDING = "0.5.0";
    static final String DEAD_LETTER = "dead-letter";
    static final String EVENT_HEADERS = "event-headers";
    static final String DEAD_LETTER_HEADERS = "dead-letter-headers";
    /** The producer that is not a service of the platform. */
    static final String OTHER_SYSTEMS = "other-systems";
    /** Who reads the dead letters: people, not a service. */
    static final String OPERATORS = "operators";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventCatalogue catalogue;

    private AsyncApiDocument(EventCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public static ObjectNode build(EventCatalogue catalogue) {
        return new AsyncApiDocument(catalogue).document();
    }

    public static ObjectNode build() {
        return build(EventCatalogue.load());
    }

    private ObjectNode document() {
        ObjectNode doc = NODES.objectNode().put("asyncapi", VERSION).put("id", "urn:mkt:asyncapi:platform-events");
        doc.set("info", info());
        doc.put("defaultContentType", "application/cloudevents+json");
        doc.set("servers", servers());
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = NODES.objectNode();
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        schemas.set(PublishedSchemas.ENVELOPE,
                PublishedSchemas.component(PublishedSchemas.ENVELOPE, "libs/eventing/" + schemaPath(PublishedSchemas.ENVELOPE)));
        schemas.set(EVENT_HEADERS, EnvelopeParts.eventHeaders());
        schemas.set(DEAD_LETTER_HEADERS, EnvelopeParts.deadLetterHeaders());
        messages.set(DEAD_LETTER, EnvelopeParts.deadLetterMessage());
        for (Topic topic : catalogue.topics()) {
            channels.set(topic.address(), channel(topic));
            channels.set(dlq(topic), deadLetterChannel(topic));
            for (EventGroup group : topic.events()) {
                for (String type : group.types()) {
                    String schema = group.schemaName(type);
                    ObjectNode data = PublishedSchemas.component(schema, sourceModule(group, schema) + "/" + schemaPath(schema));
                    schemas.set(schema, data);
                    messages.set(type, EnvelopeParts.message(type, group, topic, data));
                }
            }
            addOperations(operations, topic);
        }
        doc.set("components", components);
        return doc;
    }

    private static ObjectNode info() {
        ObjectNode info = NODES.objectNode().put("title", "Marketing platform events").put("version", "1");
        info.put("description", String.join("\n\n",
                "Every topic of the platform on Kafka. Each record is a CloudEvents 1.0 event in structured JSON mode"
                        + " (content type `application/cloudevents+json`): the envelope `id`, `type`, `source`,"
                        + " `specversion`, `time`, `subject`, `dataversion`, `datacontenttype` and `data`, whose schema"
                        + " is the one its producer owns (`<type>.v<dataversion>`, JSON Schema 2020-12).",
                "The record key is `subject`, the aggregate id, so one aggregate's events stay in order. Consumers ignore"
                        + " unknown fields and event types, are idempotent by `id` (or the business key a message names),"
                        + " and put a record they cannot process, unchanged, on `<topic>.dlq`.",
                "Each producer's schema file is also served as it is at `/asyncapi/schemas/<name>.json`"
                        + " (`x-source.served` of each schema). The prose catalogue is docs/events.md."));
        return info;
    }

    private static ObjectNode servers() {
        ObjectNode kafka = NODES.objectNode().put("host", "{bootstrap}").put("protocol", "kafka")
                .put("description", "The platform's Kafka cluster: the services' KAFKA_BOOTSTRAP_SERVERS.");
        kafka.putObject("variables").putObject("bootstrap").put("default", "127.0.0.1:9092")
                .put("description", "host:port of a broker");
        ObjectNode servers = NODES.objectNode();
        servers.set("kafka", kafka);
        return servers;
    }

    private static ObjectNode channel(Topic topic) {
        ObjectNode channel = NODES.objectNode().put("address", topic.address()).put("title", topic.address())
                .put("description", topic.description());
        ObjectNode messages = channel.putObject("messages");
        topic.types().forEach(type -> messages.set(type, ref("#/components/messages/" + type)));
        channel.set("bindings", kafkaChannel(topic.address(), topic.partitions()));
        return channel;
    }

    private static ObjectNode deadLetterChannel(Topic topic) {
        ObjectNode channel = NODES.objectNode().put("address", dlq(topic)).put("title", dlq(topic))
                .put("description", "Records of " + topic.address() + " a consumer could not process, unchanged, with"
                        + " the dlq-* headers saying why, where from and which consumer. One partition: dead letters are"
                        + " rare and read by hand, in order.");
        channel.putObject("messages").set(DEAD_LETTER, ref("#/components/messages/" + DEAD_LETTER));
        channel.set("bindings", kafkaChannel(dlq(topic), 1));
        return channel;
    }

    private static ObjectNode kafkaChannel(String address, int partitions) {
        ObjectNode bindings = NODES.objectNode();
        bindings.putObject("kafka").put("topic", address).put("partitions", partitions)
                .put("bindingVersion", KAFKA_BINDING);
        return bindings;
    }

    private static void addOperations(ObjectNode operations, Topic topic) {
        topic.producers().forEach((producer, types) -> operations.set(producer + ".send." + topic.address(),
                operation("send", producer, topic.address(), types,
                        producer.equals(OTHER_SYSTEMS)
                                ? "Systems on the Kafka network produce directly, inside the same envelope."
                                : producer + " publishes through its transactional outbox.")));
        topic.consumers().forEach((consumer, types) -> operations.set(consumer + ".receive." + topic.address(),
                operation("receive", consumer, topic.address(), types, consumer
                        + " consumes in batches, idempotently; the topic's other types reach it and are skipped.")));
        topic.consumers().keySet().forEach(consumer -> operations.set(consumer + ".send." + dlq(topic),
                operation("send", consumer, dlq(topic), List.of(DEAD_LETTER),
                        "A record " + consumer + " cannot process goes here unchanged.")));
        if (!topic.consumers().isEmpty()) {
            operations.set(OPERATORS + ".receive." + dlq(topic), operation("receive", OPERATORS, dlq(topic),
                    List.of(DEAD_LETTER), "Operators read the dead letters (kafka-console-consumer or any Kafka tool)."));
        }
    }

    private static ObjectNode operation(String action, String actor, String address, List<String> messages,
            String description) {
        ObjectNode operation = NODES.objectNode().put("action", action)
                .put("title", actor + " " + action + "s " + (action.equals("send") ? "to " : "from ") + address)
                .put("description", description);
        operation.set("channel", ref("#/channels/" + address));
        ArrayNode refs = operation.putArray("messages");
        messages.forEach(message -> refs.add(ref("#/channels/" + address + "/messages/" + message)));
        operation.putArray("tags").addObject().put("name", actor);
        operation.put("x-service", actor);
        return operation;
    }

    private String producerModule(EventGroup group) {
        return group.producers().stream().filter(catalogue.services()::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException("no service produces " + group.types()));
    }

    /** The module holding a schema: libs/contracts for the contracts that cross services, else the producer. */
    private String sourceModule(EventGroup group, String schema) {
        return com.example.mkt.contracts.EventContract.PUBLISHED.contains(schema) ? "libs/contracts"
                : producerModule(group);
    }

    private static String schemaPath(String schema) {
        return "src/main/resources/schemas/" + schema + ".json";
    }

    static String dlq(Topic topic) {
        return topic.address() + ".dlq";
    }

    static ObjectNode ref(String pointer) {
        return NODES.objectNode().put("$ref", pointer);
    }
}
