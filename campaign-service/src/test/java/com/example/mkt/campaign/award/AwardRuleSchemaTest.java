package com.example.mkt.campaign.award;

import com.example.mkt.campaign.award.AwardRuleSet.ConditionMetric;
import com.example.mkt.campaign.award.AwardRuleSet.Op;
import com.example.mkt.campaign.award.AwardRuleSet.RankMetric;
import com.example.mkt.campaign.award.AwardRuleSet.Subject;
import com.example.mkt.campaign.award.AwardRuleSet.TieRule;
import com.example.mkt.rest.problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The award rule document's JSON Schema: in step with the model, and the reasons it gives. */
class AwardRuleSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private ObjectNode doc;

    @BeforeEach
    void domainExample() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/award/domain-example.json")) {
            doc = (ObjectNode) JSON.readTree(in);
        }
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = AwardRuleSchemaTest.class.getClassLoader().getResourceAsStream(AwardRuleDocument.SCHEMA)) {
            return JSON.readTree(in);
        }
    }

    private static List<String> enumeration(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private List<FieldError> errors() {
        return AwardRuleDocument.parse(doc).errors();
    }

    private ObjectNode award(int i) {
        return (ObjectNode) doc.get("awards").get(i);
    }

    @Test
    void theSchemaNamesWhatTheModelKnows() throws Exception {
        JsonNode defs = schema().get("$defs");
        JsonNode award = defs.get("award").get("properties");
        assertEquals(names(Subject.values()), enumeration(award.get("subject")));
        assertEquals(names(TieRule.values()), enumeration(award.get("ties")));
        assertEquals(names(AwardRule.values()), enumeration(defs.get("rule")));
        assertEquals(names(ConditionMetric.values()), enumeration(defs.get("condition").get("properties").get("metric")));
        assertEquals(names(RankMetric.values()), enumeration(defs.get("ranking").get("properties").get("metric")));
        assertEquals(Arrays.stream(Op.values()).map(Op::symbol).toList(), enumeration(defs.get("op")));
        assertEquals("one of " + Arrays.toString(RankMetric.values()),
                defs.get("ranking").get("properties").get("metric").get("message").get("enum").asText());
    }

    @Test
    void everyPresetIsWrittenInTheSchemasShape() {
        AwardPresets.all(AwardPolicy.defaults()).forEach((name, rules) -> {
            AwardRuleDocument.Parsed again = AwardRuleDocument.parse(JSON.valueToTree(AwardRuleDocument.write(rules)));
            assertTrue(again.valid(), () -> name + ": " + again.errors());
        });
    }

    @Test
    void nullMeansAbsentAndNumbersAreAccepted() {
        doc.putNull("pool");
        award(0).putNull("fillIn");
        award(1).putNull("qualify");
        award(1).putNull("listUnplaced");
        ((ObjectNode) award(0).withArray("bands").get(0)).put("amount", 10000.5);
        assertTrue(AwardRuleDocument.parse(doc).valid(), () -> errors().toString());
        ((ObjectNode) award(0).withArray("bands").get(0)).put("amount", 1.001);
        assertEquals(List.of(new FieldError("$.awards[0].bands[0].amount",
                "must be a non-negative decimal string with at most 2 decimals")), errors());
    }

    @Test
    void theReasonsAreTheSchemas() {
        doc.put("extra", 1);
        award(0).set("rankBy", JSON.valueToTree(Map.of("metric", "REACHED_AT")));
        ((ObjectNode) award(1).withArray("qualify").get(1)).put("target", "BUDGET");
        assertEquals(List.of(
                new FieldError("$.awards[0].rankBy.target", "required, one of [STARTING, BUDGET]"),
                new FieldError("$.awards[1].qualify[1].target", "not used with OWN_SALES"),
                new FieldError("$.extra", "unknown field; expected one of [pool, currency, awards]")), errors());
    }

    @Test
    void recipientsAreNamedOnceUnderAWeightedRole() {
        ((ObjectNode) award(0).get("split")).set("recipients", JSON.valueToTree(Map.of("B1",
                List.of(Map.of("staffId", "x", "role", "MANAGER"), Map.of("staffId", "x", "role", "staff")))));
        assertEquals(List.of(new FieldError("$.awards[0].split.recipients['B1'][1].staffId", "x is named twice")),
                errors());
        ((ObjectNode) award(0).get("split")).set("weights", JSON.valueToTree(Map.of("manager", 0, "staff", "0.0")));
        assertEquals(List.of("$.awards[0].split.weights", "$.awards[0].split.recipients['B1'][1].staffId"),
                errors().stream().map(FieldError::field).toList());
    }
}
