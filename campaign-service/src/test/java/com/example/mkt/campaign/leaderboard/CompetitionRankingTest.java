package com.example.mkt.campaign.leaderboard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompetitionRankingTest {

    private record Entry(String id, BigDecimal score) {
    }

    private static List<Ranked<Entry>> rank(String... idScore) {
        List<Entry> entries = Arrays.stream(idScore).map(s -> s.split("="))
                .map(p -> new Entry(p[0], p[1].equals("null") ? null : new BigDecimal(p[1]))).toList();
        return CompetitionRanking.rank(entries, Entry::score, Comparator.comparing(Entry::id));
    }

    private static List<String> ids(List<Ranked<Entry>> ranked) {
        return ranked.stream().map(r -> r.entry().id()).toList();
    }

    private static List<Integer> ranks(List<Ranked<Entry>> ranked) {
        return ranked.stream().map(Ranked::rank).toList();
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        List<Ranked<Entry>> r = rank("c=90", "b=100", "a=100", "d=80");
        assertEquals(List.of("a", "b", "c", "d"), ids(r));
        assertEquals(List.of(1, 1, 3, 4), ranks(r));
        assertTrue(r.get(0).tied());
        assertFalse(r.get(2).tied());
    }

    @Test
    void equalValuesWithDifferentScalesTie() {
        assertEquals(List.of(1, 1), ranks(rank("a=100.0", "b=100.00")));
    }

    @Test
    void aCentApartIsNotATie() {
        assertEquals(List.of(1, 2), ranks(rank("b=100.01", "a=100.00")));
        assertEquals(List.of("b", "a"), ids(rank("b=100.01", "a=100.00")));
    }

    @Test
    void everyoneTied() {
        assertEquals(List.of(1, 1, 1), ranks(rank("c=5", "b=5", "a=5")));
        assertEquals(List.of("a", "b", "c"), ids(rank("c=5", "b=5", "a=5")));
    }

    @Test
    void undefinedScoresRankLastAndTieAmongThemselves() {
        List<Ranked<Entry>> r = rank("x=null", "a=0", "y=null", "b=-5");
        assertEquals(List.of("a", "b", "x", "y"), ids(r));
        assertEquals(List.of(1, 2, 3, 3), ranks(r));
        assertEquals(null, r.get(2).score());
    }

    @Test
    void emptyAndSingle() {
        assertTrue(rank().isEmpty());
        assertEquals(List.of(1), ranks(rank("a=1")));
        assertFalse(rank("a=1").get(0).tied());
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        assertEquals(ids(rank("a=1", "b=2", "c=2", "d=1")), ids(rank("d=1", "c=2", "b=2", "a=1")));
    }
}
