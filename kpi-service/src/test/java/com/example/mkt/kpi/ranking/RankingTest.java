package com.example.mkt.kpi.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.kpi.definition.Direction;
import com.example.mkt.kpi.org.OrgTree;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static List<Integer> ranks(List<? extends Ranked<?>> ranking) {
        return ranking.stream().map(Ranked::rank).toList();
    }

    private static List<Object> subjects(List<? extends Ranked<?>> ranking) {
        return ranking.stream().map(r -> (Object) r.subject()).toList();
    }

    @Test
    void competitionRankingSkipsAfterTies() {
        List<Ranked<String>> ranking = Ranking.rank(Map.of("a", d("90"), "b", d("95"), "c", d("95"), "d", d("80")),
                Direction.HIGHER_IS_BETTER);
        assertEquals(List.of("b", "c", "a", "d"), subjects(ranking));
        assertEquals(List.of(1, 1, 3, 4), ranks(ranking));
    }

    @Test
    void tiesCompareNumericallyNotByScale() {
        List<Ranked<String>> ranking = Ranking.rank(Map.of("a", d("95.0"), "b", d("95.00"), "c", d("95.01")),
                Direction.HIGHER_IS_BETTER);
        assertEquals(List.of(1, 2, 2), ranks(ranking));
        assertEquals(List.of("c", "a", "b"), subjects(ranking));
    }

    @Test
    void lowerIsBetterRanksTheSmallestFirst() {
        List<Ranked<String>> ranking = Ranking.rank(Map.of("a", d("0.05"), "b", d("0.02"), "c", d("0.05")),
                Direction.LOWER_IS_BETTER);
        assertEquals(List.of("b", "a", "c"), subjects(ranking));
        assertEquals(List.of(1, 2, 2), ranks(ranking));
    }

    @Test
    void allTiedAndEmpty() {
        assertEquals(List.of(1, 1, 1), ranks(Ranking.rank(Map.of("a", d("1"), "b", d("1"), "c", d("1")),
                Direction.HIGHER_IS_BETTER)));
        assertTrue(Ranking.rank(Map.<String, BigDecimal>of(), Direction.HIGHER_IS_BETTER).isEmpty());
    }

    @Test
    void missingValueIsRejected() {
        Map<String, BigDecimal> values = new HashMap<>();
        values.put("a", null);
        assertThrows(NullPointerException.class, () -> Ranking.rank(values, Direction.HIGHER_IS_BETTER));
    }

    @Test
    void upToRankIncludesTiesAtTheEdge() {
        List<Ranked<String>> ranking = Ranking.rank(Map.of("a", d("9"), "b", d("8"), "c", d("7"), "d", d("7"), "e", d("6")),
                Direction.HIGHER_IS_BETTER);
        assertEquals(List.of("a", "b", "c", "d"), subjects(Ranking.upToRank(ranking, 3)));
        assertEquals(List.of("a", "b"), subjects(Ranking.upToRank(ranking, 2)));
        assertTrue(Ranking.upToRank(ranking, 0).isEmpty());
    }

    @Test
    void rankChildrenWithinAParentOnly() {
        OrgTree tree = OrgTree.of(Map.of("R-EAST", "HQ", "R-WEST", "HQ", "B-1", "R-EAST", "B-2", "R-EAST",
                "B-3", "R-EAST", "B-9", "R-WEST"));
        Map<String, BigDecimal> values = Map.of("B-1", d("10"), "B-2", d("30"), "B-9", d("99"), "R-EAST", d("40"));
        List<Ranked<String>> ranking = Ranking.rankChildren(tree, "R-EAST", values, Direction.HIGHER_IS_BETTER);
        // B-3 has no value and is not ranked; B-9 and R-EAST are not children of R-EAST
        assertEquals(List.of("B-2", "B-1"), subjects(ranking));
        assertEquals(List.of(1, 2), ranks(ranking));
    }
}
