package com.example.mkt.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.example.mkt.contracts.testing.SalesEdgeRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;

/**
 * The hand-written check against the schema validator, on the same records: it may say "not sure" to a valid record,
 * never "valid" to one the schema refuses; and it says "valid" to the records real traffic is made of, or it would
 * save nothing.
 */
class SalesRecordedV1CheckTest {

    /**
     * SHA-256 of schemas/sales.recorded.v1.json. When the schema changes, {@link SalesRecordedV1Check} must be read
     * against the change (a new or stricter keyword it does not check would let invalid records through) before
     * this value is updated.
     */
    static final String SCHEMA_SHA256 = "a91c8972804cb5577cf0a1e0cb2345ba48d6b20ef4d8dc82e3b3422d89a1c327";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = EventContract.of("sales.recorded", 1).schema();

    private static final List<String> TYPICAL = List.of(
            EventContractTest.SALE,
            """
            {"eventId": "BENCH-7-000001", "kind": "SALE", "occurredAt": "2026-12-06T09:05:00.123+08:00",
             "customer": {"externalRef": "BENCH-C-42", "name": "张三", "phone": "13800000000"},
             "orgUnit": "B-NANCHANG", "salesperson": "S-001", "amount": "8650.50", "currency": "CNY"}""",
            """
            {"eventId": "R-1", "kind": "REFUND", "refundOf": "POS-1", "occurredAt": "2026-02-28T23:59:59Z",
             "customer": {"id": "c-1"}, "orgUnit": "B-JIUJIANG", "amount": "-120.00", "currency": "CNY"}""",
            """
            {"eventId": "R-2", "kind": "REFUND", "refundOf": "POS-2", "occurredAt": "2024-02-29T00:00:00.5-05:30",
             "customer": {"id": "c-1", "externalRef": "x"}, "orgUnit": "B", "amount": "0.01", "currency": "CNY"}""",
            """
            {"eventId": "K-1", "kind": "CONTRACT", "contractId": "HT-9", "fulfilled": false,
             "occurredAt": "2026-05-03T10:15:00+14:00", "customer": {"id": "c-2"}, "orgUnit": "B-NANCHANG",
             "amount": "1000000000000.99", "currency": "CNY", "extension": {"anything": [1, 2]}}""");

    /** Values tried in place of each field: at the limits, just past them, of the wrong type, and odd but valid. */
    private static final List<Object> ODD_VALUES = List.of("", "x", "-", "a".repeat(32), "a".repeat(33),
            "a".repeat(40), "a".repeat(41), "a".repeat(64), "a".repeat(65), "a".repeat(128), "a".repeat(129),
            "a".repeat(200), "a".repeat(201), "😀".repeat(33), "😀".repeat(64), "😀".repeat(65), "SALE", "REFUND",
            "CONTRACT", "sale", "0", "00", "-0", "-0.00", "0.00", "0.01", "-0.01", "1", "1.", ".5", "1.5", "1.234",
            "01.00", "1234567890123", "12345678901234", "-1234567890123.99", "12.00\n", " 12.00", "１２", "1e3",
            "CNY", "cny", "USD", "CNY\n", "CN", "CNYY", "2026-05-03T10:15:00+08:00", "2026-05-03T10:15:00Z",
            "2026-05-03T10:15:00", "2026-05-03 10:15:00+08:00", "2026-05-03t10:15:00z", "2026-02-29T10:15:00Z",
            "2024-02-29T10:15:00Z", "2026-04-31T10:15:00Z", "2026-13-01T10:15:00Z", "2026-00-10T10:15:00Z",
            "2026-05-03T24:00:00Z", "2026-05-03T23:60:00Z", "2026-12-31T23:59:60Z", "2026-05-03T10:15:00.Z",
            "2026-05-03T10:15:00.1234567891Z", "2026-05-03T10:15:00.123456789Z", "2026-05-03T10:15:00+14:00",
            "2026-05-03T10:15:00+14:01", "2026-05-03T10:15:00+18:00", "2026-05-03T10:15:00+23:59",
            "2026-05-03T10:15:00-00:00", "2026-05-03T10:15:00+0800", "2026-05-03T10:15:00+08:00:00",
            "1899-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-05-03T10:15:00+08:00\n",
            0, 1, -1, 1.5, 0.0, -0.0, 1e-300, 1e300, 12, true, false, "true");

    @Test
    void theSchemaIsTheOneThisCheckWasWrittenFor() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventContract.resource("sales.recorded", 1))) {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertEquals(SCHEMA_SHA256, hash, "schemas/sales.recorded.v1.json changed: review SalesRecordedV1Check "
                    + "against the change, then pin the new hash");
        }
    }

    @Test
    void typicalRecordsAreCertainlyValidWithoutTheValidator() throws Exception {
        for (String text : TYPICAL) {
            JsonNode record = JSON.readTree(text);
            assertEquals(List.of(), SCHEMA.validate(record).stream().map(Object::toString).toList(), text);
            assertTrue(SalesRecordedV1Check.conforms(record), text);
        }
    }

    @Test
    void neverSaysValidToARecordTheSchemaRefusesFieldByField() throws Exception {
        List<JsonNode> corpus = new ArrayList<>();
        for (String text : TYPICAL) {
            ObjectNode base = (ObjectNode) JSON.readTree(text);
            for (String path : paths(base, "")) {
                for (Object value : ODD_VALUES) {
                    corpus.add(with(base, path, value));
                }
                corpus.add(without(base, path));
                corpus.add(with(base, path, null));
                corpus.add(with(base, path, JsonNodeFactory.instance.objectNode()));
                corpus.add(with(base, path, JsonNodeFactory.instance.arrayNode()));
            }
            corpus.add(withItems(base, 500));
            corpus.add(withItems(base, 501));
        }
        int[] verdicts = compare(corpus);
        // both answers occur often, or the corpus tests nothing
        assertTrue(verdicts[0] > 1_000 && verdicts[1] > 1_000, "certain " + verdicts[0] + ", left to the schema "
                + verdicts[1]);
    }

    @Test
    void neverSaysValidToARecordTheSchemaRefusesAtRandom() throws Exception {
        Random random = new Random(20261206);
        List<JsonNode> corpus = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ObjectNode record = (ObjectNode) JSON.readTree(TYPICAL.get(random.nextInt(TYPICAL.size())));
            for (int change = 1 + random.nextInt(3); change > 0; change--) {
                List<String> paths = paths(record, "");
                if (paths.isEmpty()) {
                    break;
                }
                String path = paths.get(random.nextInt(paths.size()));
                record = random.nextInt(8) == 0 ? without(record, path)
                        : with(record, path, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
            }
            corpus.add(record);
        }
        int[] verdicts = compare(corpus);
        assertTrue(verdicts[0] > 100 && verdicts[1] > 1_000, "certain " + verdicts[0] + ", left to the schema "
                + verdicts[1]);
    }

    @Test
    void theEdgeRecordsEveryConsumerIsFedAgreeWithTheSchema() throws Exception {
        List<JsonNode> corpus = new ArrayList<>();
        for (SalesEdgeRecords.Edge edge : SalesEdgeRecords.load("r", "B-NANCHANG", "C-1").edges()) {
            try {
                JsonNode data = JSON.readTree(edge.value()).get("data");
                if (data != null) {
                    corpus.add(data);
                }
            } catch (java.io.IOException notJson) {
                // an edge record that is not JSON never reaches a contract check
            }
        }
        compare(corpus);
    }

    /** {certainly valid, left to the schema}; fails on any record the check calls valid and the schema refuses. */
    private static int[] compare(List<JsonNode> corpus) {
        int[] verdicts = new int[2];
        for (JsonNode record : corpus) {
            boolean certain = SalesRecordedV1Check.conforms(record);
            var messages = SCHEMA.validate(record);
            if (certain && !messages.isEmpty()) {
                fail("called valid, but the schema says " + messages + ": " + record);
            }
            verdicts[certain ? 0 : 1]++;
        }
        return verdicts;
    }

    /** Every field's path in {@code node}, objects and arrays included, e.g. {@code customer.name}, {@code items.0}. */
    private static List<String> paths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(prefix + name);
                out.addAll(paths(node.get(name), prefix + name + "."));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(prefix + i);
                out.addAll(paths(node.get(i), prefix + i + "."));
            }
        }
        return out;
    }

    private static ObjectNode with(ObjectNode base, String path, Object value) {
        ObjectNode copy = base.deepCopy();
        JsonNode parent = parentOf(copy, path);
        String last = path.substring(path.lastIndexOf('.') + 1);
        JsonNode node = JSON.valueToTree(value);
        if (parent instanceof ObjectNode object) {
            object.set(last, node);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), node);
        }
        return copy;
    }

    private static ObjectNode without(ObjectNode base, String path) {
        ObjectNode copy = base.deepCopy();
        JsonNode parent = parentOf(copy, path);
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
        return copy;
    }

    private static JsonNode parentOf(JsonNode root, String path) {
        JsonNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        return node;
    }

    private static ObjectNode withItems(ObjectNode base, int count) {
        ObjectNode copy = base.deepCopy();
        ArrayNode items = copy.putArray("items");
        for (int i = 0; i < count; i++) {
            items.addObject().put("productCode", "P" + i).put("quantity", 1).put("unitPrice", "1.00");
        }
        return copy;
    }
}
