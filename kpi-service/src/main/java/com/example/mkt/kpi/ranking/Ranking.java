package com.example.mkt.kpi.ranking;

import com.example.mkt.kpi.definition.Direction;
import com.example.mkt.kpi.org.OrgTree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rankings of org units or staff by a KPI value (docs/domain.md#rankings).
 *
 * <p>Competition ranking ("1224"): equal values share a rank and the next rank skips, so 3 people tied first are all
 * 1st and the next is 4th; "top 3" then includes every tie at 3rd ("名次并列的同时奖励").
 * Values compare numerically (95.0 ties 95.00). Within a rank, subjects are listed in their natural order so output is
 * stable. Subjects without a value (a rate with no denominator) are not ranked: pass only the subjects that have one.
 */
public final class Ranking {

    private Ranking() {
    }

    /** Best first according to {@code direction}. */
    public static <K extends Comparable<? super K>> List<Ranked<K>> rank(Map<K, BigDecimal> values, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        List<Map.Entry<K, BigDecimal>> entries = new ArrayList<>(values.entrySet());
        entries.forEach(e -> Objects.requireNonNull(e.getValue(), () -> "no value for " + e.getKey()));
        entries.sort(Map.Entry.<K, BigDecimal>comparingByValue(direction.bestFirst())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Ranked<K>> ranked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<K, BigDecimal> e = entries.get(i);
            boolean tiesPrevious = i > 0 && e.getValue().compareTo(entries.get(i - 1).getValue()) == 0;
            int rank = tiesPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked<>(e.getKey(), e.getValue(), rank));
        }
        return List.copyOf(ranked);
    }

    /** Ranks the direct children of {@code parent} that have a value; values of other units are ignored. */
    public static List<Ranked<String>> rankChildren(
            OrgTree tree, String parent, Map<String, BigDecimal> valuesByUnit, Direction direction) {
        Map<String, BigDecimal> children = new TreeMap<>();
        for (String child : tree.children(parent)) {
            BigDecimal value = valuesByUnit.get(child);
            if (value != null) {
                children.put(child, value);
            }
        }
        return rank(children, direction);
    }

    /** The entries ranked {@code n} or better, ties at the edge included (so possibly more than {@code n}). */
    public static <K> List<Ranked<K>> upToRank(List<Ranked<K>> ranking, int n) {
        return ranking.stream().filter(r -> r.rank() <= n).toList();
    }
}
