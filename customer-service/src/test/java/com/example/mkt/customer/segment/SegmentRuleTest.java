package com.example.mkt.customer.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SegmentRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SegmentRule.Sql compile(String rule) throws Exception {
        JsonNode node = JSON.readTree(rule);
        return SegmentRule.compile(node, code -> code.equals("R-EAST") ? Set.of("R-EAST", "B-NANCHANG") : Set.of());
    }

    private static String failure(String rule) {
        return assertThrows(SegmentRule.RuleException.class, () -> compile(rule)).path();
    }

    @Test
    void compilesNestedRulesToBoundParameters() throws Exception {
        SegmentRule.Sql sql = compile("""
                {"all": [
                  {"field": "tier", "op": "in", "value": ["GOLD", "DIAMOND"]},
                  {"any": [{"field": "valueScore", "op": "gte", "value": 60},
                           {"field": "lifetimeSpend", "op": "gt", "value": "20000.00"}]},
                  {"not": {"field": "lifecycleStage", "op": "eq", "value": "CHURNED"}},
                  {"field": "orgUnit", "op": "within", "value": "R-EAST"},
                  {"field": "tags", "op": "contains", "value": "旅游险"}
                ]}""");
        assertEquals("(c.tier = ANY(?) AND (c.value_score >= ? OR coalesce(s.lifetime_spend, 0) > ?) AND "
                + "(NOT c.lifecycle_stage = ?) AND c.org_unit = ANY(?) AND c.tags @> ?)", sql.where());
        assertArrayEquals(new String[] { "GOLD", "DIAMOND" }, (String[]) sql.params().get(0));
        assertEquals(60, sql.params().get(1));
        assertEquals(new BigDecimal("20000.00"), sql.params().get(2));
        assertEquals("CHURNED", sql.params().get(3));
        assertEquals(Set.of("R-EAST", "B-NANCHANG"), Set.of((String[]) sql.params().get(4)));
        assertArrayEquals(new String[] { "旅游险" }, (String[]) sql.params().get(5));
    }

    @Test
    void namesTheOffendingNode() {
        assertEquals("rule.all[1].field", failure("{\"all\": [{\"field\": \"vip\", \"op\": \"eq\", \"value\": true},"
                + " {\"field\": \"password\", \"op\": \"eq\", \"value\": \"x\"}]}"));
        assertEquals("rule.op", failure("{\"field\": \"vip\", \"op\": \"gt\", \"value\": true}"));
        assertEquals("rule.value", failure("{\"field\": \"grade\", \"op\": \"eq\", \"value\": \"E\"}"));
        assertEquals("rule.value", failure("{\"field\": \"valueScore\", \"op\": \"gt\", \"value\": \"60\"}"));
        assertEquals("rule.value", failure("{\"field\": \"orgUnit\", \"op\": \"within\", \"value\": \"NOWHERE\"}"));
        assertEquals("rule.any", failure("{\"any\": []}"));
        assertEquals("rule", failure("[1, 2]"));
        assertEquals("rule.value", failure("{\"field\": \"lifetimeSpend\", \"op\": \"gte\", \"value\": \"1.234\"}"));
    }

    @Test
    void refusesRulesTooDeepOrTooLarge() {
        String deep = "{\"field\": \"vip\", \"op\": \"eq\", \"value\": true}";
        for (int i = 0; i <= SegmentRule.MAX_DEPTH; i++) {
            deep = "{\"not\": " + deep + "}";
        }
        String d = deep;
        assertThrows(SegmentRule.RuleException.class, () -> compile(d));
        StringBuilder wide = new StringBuilder("{\"any\": [");
        for (int i = 0; i <= SegmentRule.MAX_CONDITIONS; i++) {
            wide.append(i == 0 ? "" : ",").append("{\"field\": \"valueScore\", \"op\": \"eq\", \"value\": ").append(i)
                    .append('}');
        }
        String w = wide.append("]}").toString();
        assertThrows(SegmentRule.RuleException.class, () -> compile(w));
    }
}
