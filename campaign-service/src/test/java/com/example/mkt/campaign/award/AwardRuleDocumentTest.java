package com.example.mkt.campaign.award;

import com.example.mkt.rest.problem.FieldError;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation of award rule documents: every problem named by its JSON path. */
class AwardRuleDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private ObjectNode doc;

    @BeforeEach
    void domainExample() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/award/domain-example.json")) {
            doc = (ObjectNode) JSON.readTree(in);
        }
    }

    private ObjectNode award(int i) {
        return (ObjectNode) doc.get("awards").get(i);
    }

    private List<String> errorFields() {
        return AwardRuleDocument.parse(doc).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theDomainExampleIsValid() {
        assertTrue(AwardRuleDocument.parse(doc).valid());
    }

    @Test
    void bandsMayNotPayMoreThanThePool() {
        doc.put("pool", "79999.99");
        AwardRuleDocument.Parsed p = AwardRuleDocument.parse(doc);
        assertEquals(List.of("$.pool"), p.errors().stream().map(FieldError::field).toList());
        assertTrue(p.errors().get(0).message().contains("80000.00"), p.errors().get(0).message());
        doc.put("pool", "80000.00");
        assertTrue(AwardRuleDocument.parse(doc).valid());
        doc.remove("pool");
        assertEquals("80000.00", AwardRuleDocument.parse(doc).rules().effectivePool().toPlainString());
    }

    @Test
    void moneyWithATrailingLineBreakIsRefusedByTheSchema() {
        // Java's '$' also matches before a final line break: "80000.00\n" must not pass as money.
        doc.put("pool", "80000.00\n");
        assertEquals(List.of("$.pool"), errorFields());
    }

    @Test
    void bandsRunOnFromPlaceOneWithoutGaps() {
        award(1).withArray("bands").remove(1);
        assertEquals(List.of("$.awards[1].bands[1].from"), errorFields());
    }

    @Test
    void bandsCannotRunBackwards() {
        award(1).set("bands", JSON.valueToTree(List.of(Map.of("from", 1, "to", 0, "amount", "1"))));
        assertEquals(List.of("$.awards[1].bands[0].to"), errorFields());
    }

    @Test
    void conditionsNameTheirBadParts() {
        award(1).set("qualify", JSON.valueToTree(List.of(Map.of("metric", "BRANCH_REACHED"),
                Map.of("metric", "OWN_SALES", "op", "=>", "value", "10000"),
                Map.of("metric", "OWN_SALES", "op", ">=", "value", "-1"),
                Map.of("metric", "SPEED"))));
        assertEquals(List.of("$.awards[1].qualify[0].target", "$.awards[1].qualify[1].op",
                "$.awards[1].qualify[2].value", "$.awards[1].qualify[3].metric"), errorFields());
    }

    @Test
    void salespeopleAreNotRankedByTimeNorSplitByRole() {
        award(1).set("rankBy", JSON.valueToTree(Map.of("metric", "REACHED_AT", "target", "BUDGET")));
        award(1).set("split", award(0).get("split").deepCopy());
        assertEquals(List.of("$.awards[1].rankBy.metric", "$.awards[1].split"), errorFields());
    }

    @Test
    void recipientsNeedAWeightedRole() {
        ((ObjectNode) award(0).get("split")).set("recipients", JSON.valueToTree(Map.of("B-1",
                List.of(Map.of("staffId", "x", "role", "director")))));
        assertEquals(List.of("$.awards[0].split.recipients['B-1'][0].role"), errorFields());
    }

    @Test
    void unknownFieldsAndDuplicateNamesAreNamed() {
        award(0).put("qualifiy", "typo");
        award(1).put("name", "speed");
        assertEquals(List.of("$.awards[0].qualifiy", "$.awards[1].name"), errorFields());
    }

    @Test
    void onlySharingTiesAndNonEmptyAwards() {
        award(0).put("ties", "SPLIT");
        assertEquals(List.of("$.awards[0].ties"), errorFields());
        doc.set("awards", JSON.createArrayNode());
        assertEquals(List.of("$.awards"), errorFields());
        assertEquals(List.of("$"), AwardRuleDocument.parse(JSON.valueToTree(List.of())).errors().stream()
                .map(FieldError::field).toList());
    }
}
