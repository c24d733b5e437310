package com.example.mkt.kpi.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.ranking.Ranking;

/** Rankings of the achievement rate decide on actual ÷ target exactly, never on the rate shown (rounded down). */
class RankValueTest {

    private static final KpiCatalogue CATALOGUE = KpiCatalogue.standard();
    private static final KpiDefinition ACHIEVEMENT = CATALOGUE.require("TARGET_ACHIEVEMENT_RATE");

    private static Measurement achievement(String unit, String shown, String actual, String target) {
        return new Measurement(ACHIEVEMENT.code(), unit, unit, null, "2026-11", "MONTH", null, null, shown, actual,
                target, "RATE", null, target, "SET", shown, null, null);
    }

    @Test
    void aTargetReachedOutranksOneMissedByACentAndTwoMissesThatShowAlikeRankApart() {
        Map<String, BigDecimal> values = new TreeMap<>();
        for (Measurement m : new Measurement[] {
                achievement("B-1", "1.0000", "90000.00", "90000.00"),
                achievement("B-2", "0.9999", "89999.99", "90000.00"),
                achievement("B-3", "0.9999", "89999.98", "90000.00"),
                achievement("B-4", "1.0000", "180000.00", "180000.00")}) {
            values.put(m.orgUnit(), Measurements.rankValue(ACHIEVEMENT, m).orElseThrow());
        }
        assertTrue(values.get("B-2").compareTo(values.get("B-3")) > 0, "0.99999988... > 0.99999977...");
        assertEquals(0, values.get("B-1").compareTo(BigDecimal.ONE));
        var ranked = Ranking.rank(values, ACHIEVEMENT.direction());
        assertEquals("B-1", ranked.get(0).subject());
        assertEquals(1, ranked.get(1).rank(), "90,000 of 90,000 and 180,000 of 180,000 tie exactly");
        assertEquals("B-2", ranked.get(2).subject());
        assertEquals(3, ranked.get(2).rank());
        assertEquals("B-3", ranked.get(3).subject());
        assertEquals(4, ranked.get(3).rank());
    }
}
