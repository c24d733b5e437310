package com.example.mkt.gateway.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.asyncapi.DocsCatalogue.Listed;
import com.example.mkt.gateway.asyncapi.EventCatalogue.EventGroup;
import com.example.mkt.gateway.asyncapi.EventCatalogue.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The event API document keeps the AsyncAPI 3.0 rules, says what docs/events.md and docs/architecture.md say, and
 * carries the producers' own schemas.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventCatalogue CATALOGUE = EventCatalogue.load();
    private static final ObjectNode DOCUMENT = AsyncApiDocument.build(CATALOGUE);

    @Test
    void keepsTheAsyncApi30Rules() {
        assertEquals(List.of(), AsyncApiRules.violations(DOCUMENT));
    }

    @Test
    void theRulesCatchWhatWouldBreakAGenerator() {
        ObjectNode broken = DOCUMENT.deepCopy();
        ObjectNode sales = (ObjectNode) broken.with("components").with("messages").with("sales.recorded");
        sales.with("payload").withArray("allOf").add(AsyncApiDocument.ref("#/components/schemas/sales.recorded.v9"));
        ObjectNode operation = (ObjectNode) broken.with("operations").with("gateway.send.sales.events");
        operation.put("action", "publish");
        ((ArrayNode) operation.get("messages")).add(AsyncApiDocument.ref("#/channels/kpi.events/messages/kpi.measured"));
        broken.with("channels").with("kpi.events").with("messages").set("x", AsyncApiDocument.ref("schemas/x.json"));

        String violations = String.join("\n", AsyncApiRules.violations(broken));

        assertTrue(violations.contains("$ref #/components/schemas/sales.recorded.v9 does not resolve"), violations);
        assertTrue(violations.contains("$ref schemas/x.json leaves the document"), violations);
        assertTrue(violations.contains("#/channels/kpi.events/messages/kpi.measured, not a message of #/channels/sales.events"),
                violations);
        assertTrue(violations.contains("action"), violations);
    }

    @Test
    void hasAMessageForEveryEventTypeOfDocsEventsMdAndNoOther() {
        Set<String> listed = new TreeSet<>(DocsCatalogue.events(CATALOGUE.services()).keySet());
        Set<String> messages = new TreeSet<>();
        DOCUMENT.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        messages.remove(AsyncApiDocument.DEAD_LETTER);

        assertEquals(Set.of(), difference(listed, messages), "in docs/events.md, not in the AsyncAPI document");
        assertEquals(Set.of(), difference(messages, listed), "in the AsyncAPI document, not in docs/events.md");
        assertTrue(listed.size() > 60, "the whole catalogue was read: " + listed.size());
    }

    @Test
    void saysWhatDocsEventsMdSaysOfEachType() {
        Map<String, Listed> listed = DocsCatalogue.events(CATALOGUE.services());
        List<String> differences = new ArrayList<>();
        for (Topic topic : CATALOGUE.topics()) {
            for (EventGroup group : topic.events()) {
                for (String type : group.types()) {
                    Listed doc = listed.get(type);
                    Listed ours = new Listed(type, topic.address(), group.key(), new TreeSet<>(group.producers()),
                            new TreeSet<>(group.consumers().keySet()));
                    if (doc != null && !doc.equals(ours)) {
                        differences.add("docs/events.md: " + doc + "\n     catalogue: " + ours);
                    }
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void operationsSayWhoSendsAndWhoReceivesEachType() {
        JsonNode operations = DOCUMENT.path("operations");
        assertEquals(List.of("#/channels/sales.events/messages/sales.recorded"),
                refs(operations.path("other-systems.send.sales.events").path("messages")));
        assertEquals(List.of("#/channels/campaign.events/messages/campaign.evaluated"),
                refs(operations.path("kpi-service.receive.campaign.events").path("messages")));
        assertEquals("receive", operations.path("gateway.receive.planning.events").path("action").asText());
        assertEquals(List.of("#/channels/customer.events.dlq/messages/dead-letter"),
                refs(operations.path("campaign-service.send.customer.events.dlq").path("messages")));
        assertTrue(operations.path("kpi-service.receive.kpi.events").isMissingNode(), "kpi-service reads no kpi.events");
    }

    @Test
    void hasTheTopicsOfDocsArchitectureMd() {
        Map<String, Integer> documented = DocsCatalogue.topics();
        Map<String, Integer> channels = new LinkedHashMap<>();
        DOCUMENT.path("channels").forEach(channel -> channels.put(channel.path("address").asText(),
                channel.path("bindings").path("kafka").path("partitions").asInt()));
        Map<String, Integer> expected = new LinkedHashMap<>();
        documented.forEach((topic, partitions) -> {
            if (!topic.equals("<topic>.dlq")) {
                expected.put(topic, partitions);
                expected.put(topic + ".dlq", documented.get("<topic>.dlq"));
            }
        });
        assertEquals(new TreeSet<>(expected.entrySet().stream().map(Object::toString).toList()),
                new TreeSet<>(channels.entrySet().stream().map(Object::toString).toList()));
    }

    @Test
    void schemasAreTheProducersFilesAsTheyAre() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : DOCUMENT.path("components").path("schemas").properties()) {
            JsonNode source = schema.getValue().path("x-source");
            if (source.isMissingNode()) {
                continue;
            }
            Path file = Path.of("..").resolve(source.path("file").asText());
            String served = PublishedSchemas.text(schema.getKey()).orElseThrow();
            if (!Files.exists(file) || !JSON.readTree(Files.readString(file)).equals(JSON.readTree(served))) {
                stale.add(schema.getKey() + " differs from " + file);
            }
        }
        assertEquals(List.of(), stale);
        assertEquals("libs/contracts/src/main/resources/schemas/sales.recorded.v1.json",
                DOCUMENT.at("/components/schemas/sales.recorded.v1/x-source/file").asText());
        assertEquals("planning-service/src/main/resources/schemas/org-unit.moved.v1.json",
                DOCUMENT.at("/components/schemas/org-unit.moved.v1/x-source/file").asText());
    }

    @Test
    void aMessageIsTheEnvelopeAroundItsTypesData() {
        String sale = """
                {"specversion": "1.0", "id": "6f1c1c2e-2a4b-4c9a-9d59-0f1d3c1b2a10", "source": "/pos-system",
                 "type": "sales.recorded", "dataversion": "1", "time": "2026-05-03T10:15:01+08:00",
                 "subject": "c-123", "datacontenttype": "application/json",
                 "data": {"eventId": "POS-2026-000123", "kind": "SALE", "occurredAt": "2026-05-03T10:15:00+08:00",
                          "customer": {"id": "c-123"}, "orgUnit": "B-NANCHANG",
                          "items": [{"productCode": "LAY", "quantity": 1, "unitPrice": "120.00"}],
                          "amount": "120.00", "currency": "CNY"}}""";

        assertEquals(Set.of(), MessagePayloads.violations(DOCUMENT, "sales.recorded", sale));
        assertTrue(MessagePayloads.violations(DOCUMENT, "kpi.measured", sale).size() > 1, "another type's data");
        assertTrue(!MessagePayloads.violations(DOCUMENT, "sales.recorded", sale.replace("\"120.00\"}", "120}")).isEmpty(),
                "money is a string, by the producer's $defs");
        assertTrue(!MessagePayloads.violations(DOCUMENT, "sales.recorded", sale.replace("\"subject\": \"c-123\",", ""))
                .isEmpty(), "the envelope needs a subject");
    }

    @Test
    void everyMessagesPayloadCompiles() {
        List<String> failures = new ArrayList<>();
        DOCUMENT.path("components").path("messages").fieldNames().forEachRemaining(type -> {
            try {
                MessagePayloads.violations(DOCUMENT, type, "{\"data\": {}}");
            } catch (RuntimeException e) {
                failures.add(type + ": " + e);
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void namesTheModelsAGeneratorMakes() {
        JsonNode sales = DOCUMENT.at("/components/schemas/sales.recorded.v1");
        assertEquals("SalesRecordedV1", sales.path("title").asText());
        assertEquals("SalesRecordedV1Kind", sales.at("/properties/kind/title").asText());
        assertEquals("SalesRecordedV1ItemsItem", sales.at("/properties/items/items/title").asText());
        assertEquals("KpiAlertOpenedV1", DOCUMENT.at("/components/schemas/kpi-alert.opened.v1/title").asText());
        assertEquals("SalesRecordedEvent", DOCUMENT.at("/components/messages/sales.recorded/payload/title").asText());
        assertTrue(sales.at("/x-source/title").asText().startsWith("sales.recorded v1: "), "the producer's title is kept");
        assertEquals(sales.at("/x-source/title").asText(),
                DOCUMENT.at("/components/messages/sales.recorded/summary").asText());
    }

    @Test
    void yamlSaysTheSame() throws IOException {
        assertEquals(DOCUMENT, new YAMLMapper().readTree(AsyncApiRoutes.yaml(DOCUMENT)));
    }

    private static List<String> refs(JsonNode array) {
        List<String> refs = new ArrayList<>();
        array.forEach(ref -> refs.add(ref.path("$ref").asText()));
        return refs;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
