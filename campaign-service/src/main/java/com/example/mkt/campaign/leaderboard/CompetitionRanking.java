package com.example.mkt.campaign.leaderboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Standard competition ranking ("1224"), highest score first. Scores are compared with {@code compareTo}, so
 * 100.0 and 100.00 tie. The tiebreaker orders entries inside a tie for display; it never splits the rank, which
 * is what the award rules need (equal results share, docs/domain.md#awards).
 */
public final class CompetitionRanking {

    private CompetitionRanking() {
    }

    public static <T> List<Ranked<T>> rank(List<T> entries, Function<T, BigDecimal> score, Comparator<T> tiebreaker) {
        Comparator<BigDecimal> highFirstNullsLast = Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());
        List<T> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(score, highFirstNullsLast).thenComparing(tiebreaker));
        List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            BigDecimal s = score.apply(sorted.get(i));
            int j = i + 1;
            while (j < sorted.size() && highFirstNullsLast.compare(s, score.apply(sorted.get(j))) == 0) {
                j++;
            }
            boolean tied = j - i > 1;
            for (int k = i; k < j; k++) {
                ranked.add(new Ranked<>(i + 1, sorted.get(k), s, tied));
            }
            i = j;
        }
        return ranked;
    }
}
