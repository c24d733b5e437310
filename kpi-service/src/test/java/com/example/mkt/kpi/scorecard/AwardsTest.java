package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwardsTest {

    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final YearMonth APR = YearMonth.of(2026, 4);
    private static final YearMonth MAY = YearMonth.of(2026, 5);

    private final Awards eachFull = new Awards(AwardPolicy.defaults());
    private final Awards sharePool = new Awards(new AwardPolicy(3, AwardPolicy.defaults().amounts(),
            AwardPolicy.TiePayout.SHARE_POOL, true));

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** The same score in each of March, April and May. */
    private static Map<YearMonth, Map<String, BigDecimal>> steady(Map<String, String> scores) {
        Map<String, BigDecimal> month = new HashMap<>();
        scores.forEach((k, v) -> month.put(k, d(v)));
        return Map.of(MAR, month, APR, month, MAY, month);
    }

    private static List<String> summary(List<Award> awards) {
        return awards.stream().map(a -> a.staffId() + ":" + a.rank() + ":" + a.amount()).toList();
    }

    @Test
    void topThreeEarnFiveThreeTwoHundred() {
        List<Award> awards = eachFull.award(MAY, steady(Map.of("a", "95", "b", "90", "c", "85", "d", "80")));
        assertEquals(List.of("a:1:500.00", "b:2:300.00", "c:3:200.00"), summary(awards));
    }

    @Test
    void tiesAreEachAwardedInFullBySourceDefault() {
        assertEquals(List.of("a:1:500.00", "b:1:500.00", "c:3:200.00"),
                summary(eachFull.award(MAY, steady(Map.of("a", "95", "b", "95", "c", "90", "d", "80")))));
        assertEquals(List.of("a:1:500.00", "b:2:300.00", "c:3:200.00", "d:3:200.00"),
                summary(eachFull.award(MAY, steady(Map.of("a", "95", "b", "92", "c", "90", "d", "90", "e", "80")))));
    }

    @Test
    void sharedPoolSplitsTheRanksATieOccupies() {
        assertEquals(List.of("a:1:400.00", "b:1:400.00", "c:3:200.00"),
                summary(sharePool.award(MAY, steady(Map.of("a", "95", "b", "95", "c", "90", "d", "80")))));
        assertEquals(List.of("a:1:500.00", "b:2:300.00", "c:3:100.00", "d:3:100.00"),
                summary(sharePool.award(MAY, steady(Map.of("a", "95", "b", "92", "c", "90", "d", "90")))));
        assertEquals(List.of("a:1:333.34", "b:1:333.33", "c:1:333.33"),
                summary(sharePool.award(MAY, steady(Map.of("a", "90", "b", "90", "c", "90")))));
    }

    @Test
    void rankedByTheAverageOfTheThreeMonths() {
        Map<YearMonth, Map<String, BigDecimal>> scores = Map.of(
                MAR, Map.of("a", d("100"), "b", d("90")),
                APR, Map.of("a", d("80"), "b", d("90")),
                MAY, Map.of("a", d("89"), "b", d("90")));
        List<Award> awards = eachFull.award(MAY, scores);
        assertEquals(List.of("b:1:500.00", "a:2:300.00"), summary(awards));
        // a had the best single month but averages 89.67
        assertEquals(d("89.67"), awards.get(1).averageScore());
    }

    @Test
    void monthsOutsideTheWindowAreIgnored() {
        Map<YearMonth, Map<String, BigDecimal>> scores = new HashMap<>(steady(Map.of("a", "80", "b", "90")));
        scores.put(YearMonth.of(2026, 2), Map.of("a", d("1000")));
        scores.put(YearMonth.of(2026, 6), Map.of("a", d("1000")));
        assertEquals("b", eachFull.award(MAY, scores).get(0).staffId());
    }

    @Test
    void aMissingMonthExcludesByDefault() {
        Map<YearMonth, Map<String, BigDecimal>> scores = Map.of(
                MAR, Map.of("a", d("99"), "b", d("80")),
                APR, Map.of("b", d("80")),
                MAY, Map.of("a", d("99"), "b", d("80")));
        assertEquals(List.of("b:1:500.00"), summary(eachFull.award(MAY, scores)));
        Awards lenient = new Awards(new AwardPolicy(3, AwardPolicy.defaults().amounts(),
                AwardPolicy.TiePayout.EACH_FULL, false));
        assertEquals(List.of("a:1:500.00", "b:2:300.00"), summary(lenient.award(MAY, scores)));
    }

    @Test
    void windowCrossesTheYearEnd() {
        Map<YearMonth, Map<String, BigDecimal>> scores = Map.of(
                YearMonth.of(2025, 11), Map.of("a", d("90")),
                YearMonth.of(2025, 12), Map.of("a", d("90")),
                YearMonth.of(2026, 1), Map.of("a", d("90")));
        assertEquals(List.of("a:1:500.00"), summary(eachFull.award(YearMonth.of(2026, 1), scores)));
    }

    @Test
    void nobodyScoredNobodyAwarded() {
        assertTrue(eachFull.award(MAY, Map.of()).isEmpty());
    }
}
