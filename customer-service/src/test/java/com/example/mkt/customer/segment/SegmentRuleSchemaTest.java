package com.example.mkt.customer.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The segment rule's JSON Schema: in step with the compiler, true to the README, and the reasons it gives. */
class SegmentRuleSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIELDS = "[birthdayMonth, creditTier, grade, industry, lifecycleStage, lifetimeSpend,"
            + " member, orgUnit, region, salesperson, status, tags, tier, type, valueScore, vip]";

    private static SegmentRule.Sql compile(JsonNode rule) {
        return SegmentRule.compile(rule, code -> code.equals("R-EAST") ? Set.of("R-EAST", "B-NANCHANG") : Set.of());
    }

    private static SegmentRule.Sql compile(String rule) throws Exception {
        return compile(JSON.readTree(rule));
    }

    /** The refusal of a rule as "path: reason". */
    private static String refusal(JsonNode rule) {
        SegmentRule.RuleException e = assertThrows(SegmentRule.RuleException.class, () -> compile(rule));
        return e.path() + ": " + e.getMessage();
    }

    private static String refusal(String rule) throws Exception {
        return refusal(JSON.readTree(rule));
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = SegmentRuleSchemaTest.class.getClassLoader().getResourceAsStream(SegmentRule.SCHEMA)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theSchemaNamesTheFieldsTheCompilerReads() throws Exception {
        JsonNode defs = schema().get("$defs");
        Set<String> named = new TreeSet<>();
        defs.get("field").get("enum").forEach(f -> named.add(f.asText()));
        assertEquals(new TreeSet<>(SegmentRule.FIELDS.keySet()), named);
        assertEquals("must be one of " + FIELDS, defs.get("field").get("message").get("enum").asText());
        List<String> branches = new ArrayList<>();
        defs.get("operation").get("allOf").forEach(b -> {
            JsonNode test = b.get("if").get("properties").get("field");
            if (test.has("const")) {
                branches.add(test.get("const").asText());
            } else {
                test.get("enum").forEach(f -> branches.add(f.asText()));
            }
        });
        assertEquals(named, new TreeSet<>(branches), "every field has its operators");
        assertEquals(named.size(), branches.size(), "and only one set of them");
    }

    @Test
    void theReadmesExamplesAreRules() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Segments"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section);
        int examples = 0;
        while (block.find()) {
            assertFalse(compile(block.group(1)).where().isEmpty());
            examples++;
        }
        assertEquals(1, examples);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            grade          | eq          | "A"
            grade          | notIn       | ["C", "D"]
            tier           | ne          | "NONE"
            creditTier     | in          | ["GREEN", "YELLOW", "RED", "BLACK"]
            lifecycleStage | in          | ["PROSPECT", "NEW", "ACTIVE", "AT_RISK", "CHURNED", "WON_BACK"]
            type           | eq          | "COMPANY"
            status         | notIn       | ["INACTIVE"]
            orgUnit        | within      | "R-EAST"
            orgUnit        | in          | ["R-EAST", "B-UNKNOWN-IS-FINE-HERE"]
            salesperson    | eq          | "S-1"
            region         | ne          | "华东"
            industry       | in          | ["制造", "零售"]
            vip            | eq          | true
            member         | eq          | false
            valueScore     | gte         | 60
            valueScore     | eq          | 60.0
            birthdayMonth  | in          | [1, 2, 12]
            lifetimeSpend  | lt          | "-0.5"
            lifetimeSpend  | gt          | "9999999999999.99"
            tags           | contains    | "旅游险"
            tags           | containsAny | ["a", "b"]
            """)
    void everyFieldTakesItsOperators(String field, String op, String value) throws Exception {
        String rule = "{\"field\": \"" + field + "\", \"op\": \"" + op + "\", \"value\": " + value + "}";
        assertEquals(1, compile(rule).params().size(), rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            [1, 2]                                                      | rule: must be an object
            {"all": 5}                                                  | rule.all: must be a non-empty array
            {"any": []}                                                 | rule.any: must be a non-empty array
            {"not": null}                                               | rule.not: must be an object
            {"all": [{"field": "vip", "op": "eq", "value": true}, 7]}   | rule.all[1]: must be an object
            {"field": "salary", "op": "eq", "value": "x"}               | rule.field: must be one of FIELDS
            {"op": "eq", "value": "x"}                                  | rule.field: must be one of FIELDS
            {"field": "vip", "op": "eq"}                                | rule.value: is required
            {"field": "vip", "op": "eq", "value": null}                 | rule.value: is required
            {"field": "vip", "op": "gt", "value": true}                 | rule.op: must be one of eq
            {"field": "grade", "op": "within", "value": "A"}            | rule.op: must be one of eq, ne, in, notIn
            {"field": "orgUnit", "value": "R-EAST"}                     | rule.op: must be one of eq, ne, in, notIn, within
            {"field": "valueScore", "op": "contains", "value": 1}       | rule.op: must be one of eq, ne, gt, gte, lt, lte, in
            {"field": "lifetimeSpend", "op": "eq", "value": "1"}        | rule.op: must be one of gt, gte, lt, lte
            {"field": "tags", "op": "in", "value": ["a"]}               | rule.op: must be one of contains, containsAny
            {"field": "vip", "op": "eq", "value": "yes"}                | rule.value: must be true or false
            {"field": "valueScore", "op": "gt", "value": "60"}          | rule.value: must be an integer
            {"field": "valueScore", "op": "gt", "value": 60.5}          | rule.value: must be an integer
            {"field": "valueScore", "op": "gt", "value": 3000000000}    | rule.value: must be an integer
            {"field": "birthdayMonth", "op": "in", "value": []}         | rule.value: must be a non-empty array of integers
            {"field": "birthdayMonth", "op": "in", "value": 5}          | rule.value: must be a non-empty array of integers
            {"field": "birthdayMonth", "op": "in", "value": [1, "2"]}   | rule.value[1]: must be an integer
            {"field": "lifetimeSpend", "op": "gte", "value": "1.234"}   | rule.value: must be a decimal string with at most 2 decimals
            {"field": "lifetimeSpend", "op": "gte", "value": 100}       | rule.value: must be a decimal string with at most 2 decimals
            {"field": "lifetimeSpend", "op": "gte", "value": "12\\n"}   | rule.value: must be a decimal string with at most 2 decimals
            {"field": "grade", "op": "eq", "value": "E"}                | rule.value: must be one of [A, B, C, D]
            {"field": "grade", "op": "eq", "value": 5}                  | rule.value: must be a non-empty string
            {"field": "tier", "op": "in", "value": ["GOLD", "PLATINUM"]} | rule.value[1]: must be one of [DIAMOND, GOLD, NONE, SILVER]
            {"field": "creditTier", "op": "eq", "value": "AMBER"}       | rule.value: must be one of [BLACK, GREEN, RED, YELLOW]
            {"field": "lifecycleStage", "op": "ne", "value": "LOST"}    | rule.value: must be one of [ACTIVE, AT_RISK, CHURNED, NEW, PROSPECT, WON_BACK]
            {"field": "type", "op": "eq", "value": "GROUP"}             | rule.value: must be one of [COMPANY, INDIVIDUAL]
            {"field": "status", "op": "eq", "value": "GONE"}            | rule.value: must be one of [ACTIVE, INACTIVE, PROSPECT]
            {"field": "region", "op": "eq", "value": " "}               | rule.value: must be a non-empty string
            {"field": "region", "op": "eq", "value": "\\u3000"}         | rule.value: must be a non-empty string
            {"field": "region", "op": "in", "value": []}                | rule.value: must be a non-empty array of strings
            {"field": "region", "op": "notIn", "value": "华东"}          | rule.value: must be a non-empty array of strings
            {"field": "tags", "op": "containsAny", "value": ["a", 5]}   | rule.value[1]: must be a non-empty string
            {"field": "orgUnit", "op": "within", "value": "NOWHERE"}    | rule.value: unknown org unit NOWHERE
            """)
    void eachFaultIsNamedByItsNode(String rule, String refusal) throws Exception {
        assertEquals(refusal.replace("FIELDS", FIELDS), refusal(rule));
    }

    @Test
    void textsAndListsAreBounded() {
        ObjectNode rule = JSON.createObjectNode().put("field", "region").put("op", "eq").put("value", "x".repeat(200));
        compile(rule);
        rule.put("value", "x".repeat(201));
        assertEquals("rule.value: must be a non-empty string", refusal(rule));
        ArrayNode list = rule.put("op", "in").putArray("value");
        for (int i = 0; i < 200; i++) {
            list.add("r" + i);
        }
        compile(rule);
        list.add("one too many");
        assertEquals("rule.value: must be a non-empty array of strings", refusal(rule));
    }

    @Test
    void aConditionIsRefusedForItsFirstFaultInCheckingOrder() throws Exception {
        // field, then a value at all, then the operator, then the value: whatever order the keys are written in
        assertEquals("rule.field: must be one of " + FIELDS, refusal("{\"value\": null, \"op\": \"x\", \"field\": 1}"));
        assertEquals("rule.value: is required", refusal("{\"op\": \"x\", \"field\": \"vip\"}"));
        assertEquals("rule.op: must be one of eq, ne, in, notIn",
                refusal("{\"value\": \"E\", \"op\": \"within\", \"field\": \"grade\"}"));
        // and a rule for its first faulty node in document order
        assertEquals("rule.any[0].not.field: must be one of " + FIELDS,
                refusal("{\"any\": [{\"not\": {\"field\": \"x\"}}, {\"field\": \"vip\", \"op\": \"lt\"}]}"));
    }

    @Test
    void theLimitsComeFirst() throws Exception {
        String deep = "{\"field\": \"vip\", \"op\": \"eq\", \"value\": \"not even a boolean\"}";
        for (int i = 0; i <= SegmentRule.MAX_DEPTH; i++) {
            deep = "{\"not\": " + deep + "}";
        }
        assertEquals("rule" + ".not".repeat(SegmentRule.MAX_DEPTH + 1) + ": nested deeper than 6", refusal(deep));
        ArrayNode many = JSON.createObjectNode().putArray("any");
        many.addObject().put("field", "nope");
        for (int i = 1; i <= SegmentRule.MAX_CONDITIONS; i++) {
            many.addObject().put("field", "valueScore").put("op", "eq").put("value", i);
        }
        assertEquals("rule.any[50]: more than 50 conditions", refusal(JSON.createObjectNode().set("any", many)));
    }

    @Test
    void keysANodeDoesNotReadAreIgnoredAsBefore() throws Exception {
        assertEquals("(c.vip = ?)", compile("{\"all\": [{\"field\": \"vip\", \"op\": \"eq\", \"value\": true,"
                + " \"note\": \"VIPs\"}], \"any\": \"not read\", \"label\": 1}").where());
    }

    @Test
    void aHugeFaultyRuleIsRefusedAtItsFirstFault() {
        ArrayNode nodes = JSON.createObjectNode().putArray("any");
        for (int i = 0; i < 100_000; i++) {
            nodes.addObject().put("not", i);
        }
        assertEquals("rule.any[0].not: must be an object", refusal(JSON.createObjectNode().set("any", nodes)));
    }
}
