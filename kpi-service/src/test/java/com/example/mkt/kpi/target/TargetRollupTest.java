package com.example.mkt.kpi.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.org.OrgTree;

class TargetRollupTest {

    private static final KpiCatalogue CATALOGUE = KpiCatalogue.standard();
    private static final KpiDefinition SALES = CATALOGUE.require(KpiCatalogue.SALES_AMOUNT);
    private static final KpiDefinition SATISFACTION = CATALOGUE.require("SATISFACTION_RATE");

    // HQ -> R1 -> (B1, B2, B3), HQ -> R2 -> (B4 -> T1)
    private final OrgTree tree = OrgTree.of(tree("HQ", null, "R1", "HQ", "B1", "R1", "B2", "R1", "B3", "R1",
            "R2", "HQ", "B4", "R2", "T1", "B4"));

    private static Map<String, String> tree(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, BigDecimal> set(String... pairs) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void aRegionWithoutItsOwnTargetTakesTheSumOfItsBranches() {
        var out = TargetRollup.resolve(tree, SALES, List.of("R1", "B1"),
                set("B1", "600000.00", "B2", "250000.00", "B3", "480000.00"));
        assertEquals(new BigDecimal("1330000.00"), out.get("R1").value());
        assertEquals(TargetRollup.Source.DERIVED, out.get("R1").source());
        assertEquals(new BigDecimal("600000.00"), out.get("B1").value());
        assertEquals(TargetRollup.Source.SET, out.get("B1").source());
    }

    @Test
    void derivationIsRecursiveAndASetTargetOverridesWhatIsBelow() {
        Map<String, BigDecimal> targets = set("B1", "600000.00", "B2", "250000.00", "B3", "480000.00",
                "T1", "70000.00");
        var out = TargetRollup.resolve(tree, SALES, List.of("HQ", "R2", "B4"), targets);
        // HQ = R1 (derived 1,330,000) + R2 (derived from B4, derived from T1)
        assertEquals(new BigDecimal("1400000.00"), out.get("HQ").value());
        assertEquals(new BigDecimal("70000.00"), out.get("R2").value());
        assertEquals(TargetRollup.Source.DERIVED, out.get("B4").source());

        targets.put("R1", new BigDecimal("1500000.00"));
        out = TargetRollup.resolve(tree, SALES, List.of("HQ", "R1"), targets);
        assertEquals(TargetRollup.Source.SET, out.get("R1").source());
        assertEquals(new BigDecimal("1500000.00"), out.get("R1").value());
        assertEquals(new BigDecimal("1570000.00"), out.get("HQ").value());
    }

    @Test
    void childrenWithoutTargetAddNothingAndNoTargetBelowMeansNone() {
        var out = TargetRollup.resolve(tree, SALES, List.of("R1", "R2", "B2"), set("B1", "100.00"));
        assertEquals(new BigDecimal("100.00"), out.get("R1").value());
        assertFalse(out.containsKey("R2"));
        assertFalse(out.containsKey("B2"));
    }

    @Test
    void ratesAreNeverDerivedFromChildren() {
        var out = TargetRollup.resolve(tree, SATISFACTION, List.of("R1", "B1"),
                set("B1", "0.9500", "B2", "0.9000", "B3", "0.8000"));
        assertFalse(out.containsKey("R1"));
        assertEquals(TargetRollup.Source.SET, out.get("B1").source());
        assertEquals(Set.of("R1"), TargetRollup.withDescendants(tree, SATISFACTION, List.of("R1")));
    }

    @Test
    void theUnitsToReadAreTheUnitsAndEverythingBelow() {
        assertEquals(Set.of("R2", "B4", "T1"), TargetRollup.withDescendants(tree, SALES, List.of("R2")));
        assertEquals(Set.of("B1", "UNKNOWN"), TargetRollup.withDescendants(tree, SALES, List.of("B1", "UNKNOWN")));
        assertTrue(TargetRollup.resolve(tree, SALES, List.of("UNKNOWN"), Map.of()).isEmpty());
    }

    @Test
    void aMonthWhoseWeeksAllHaveTargetsTakesTheirSumBeforeItsChildrensAndASetMonthOverridesBoth() {
        // B1's weeks add up to 77,000.01 for the month; B2 and B3 have month targets of their own
        Map<String, BigDecimal> fromWeeks = set("B1", "77000.01");
        var out = TargetRollup.resolve(tree, SALES, List.of("B1", "R1"), set("B2", "1000.00", "B3", "2000.00"),
                fromWeeks);
        assertEquals(new BigDecimal("77000.01"), out.get("B1").value());
        assertEquals(TargetRollup.Source.DERIVED, out.get("B1").source());
        assertEquals(new BigDecimal("80000.01"), out.get("R1").value(), "the region sums B1's weeks and B2, B3");
        // R1's own weeks win over its branches' sum; B1's set month wins over its weeks
        out = TargetRollup.resolve(tree, SALES, List.of("B1", "R1"), set("B1", "70000.00"),
                set("B1", "77000.01", "R1", "90000.00"));
        assertEquals(new BigDecimal("70000.00"), out.get("B1").value());
        assertEquals(TargetRollup.Source.SET, out.get("B1").source());
        assertEquals(new BigDecimal("90000.00"), out.get("R1").value());
        assertEquals(TargetRollup.Source.DERIVED, out.get("R1").source());
    }

    @Test
    void aRateNeverTakesItsWeeksSum() {
        var out = TargetRollup.resolve(tree, SATISFACTION, List.of("B1"), Map.of(), set("B1", "4.7500"));
        assertFalse(out.containsKey("B1"));
    }
}
