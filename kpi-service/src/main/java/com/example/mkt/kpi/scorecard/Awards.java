package com.example.mkt.kpi.scorecard;

import com.example.mkt.kpi.definition.Direction;
import com.example.mkt.kpi.money.Apportionment;
import com.example.mkt.kpi.ranking.Ranked;
import com.example.mkt.kpi.ranking.Ranking;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Top-N awards over a rolling window of months; see {@link AwardPolicy}. Run it after each month's scores are final;
 * whether every month (rolling) or only at quarter ends is the caller's schedule.
 */
public final class Awards {

    private final AwardPolicy policy;

    public Awards(AwardPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param lastMonth     the window's last month
     * @param monthlyScores final scores by month, then by staff id; other months are ignored
     * @return award winners best first, ties by staff id
     */
    public List<Award> award(YearMonth lastMonth, Map<YearMonth, Map<String, BigDecimal>> monthlyScores) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int back = 0; back < policy.months(); back++) {
            monthlyScores.getOrDefault(lastMonth.minusMonths(back), Map.of()).forEach((staff, score) -> {
                sums.merge(staff, score, BigDecimal::add);
                counts.merge(staff, 1, Integer::sum);
            });
        }
        Map<String, BigDecimal> averages = new TreeMap<>();
        sums.forEach((staff, sum) -> {
            int n = counts.get(staff);
            if (!policy.requireEveryMonth() || n == policy.months()) {
                averages.put(staff, sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128));
            }
        });
        List<Ranked<String>> winners = Ranking.upToRank(
                Ranking.rank(averages, Direction.HIGHER_IS_BETTER), policy.amounts().size());
        List<Award> awards = new ArrayList<>();
        for (Ranked<String> r : winners) {
            awards.add(new Award(r.subject(), r.rank(), r.value().setScale(2, RoundingMode.HALF_UP),
                    amountFor(r, winners)));
        }
        return List.copyOf(awards);
    }

    private BigDecimal amountFor(Ranked<String> winner, List<Ranked<String>> winners) {
        List<BigDecimal> amounts = policy.amounts();
        if (policy.ties() == AwardPolicy.TiePayout.EACH_FULL) {
            return amounts.get(winner.rank() - 1).setScale(2, RoundingMode.HALF_UP);
        }
        List<String> group = winners.stream().filter(w -> w.rank() == winner.rank()).map(Ranked::subject).toList();
        BigDecimal pool = BigDecimal.ZERO;
        for (int rank = winner.rank(); rank < winner.rank() + group.size() && rank <= amounts.size(); rank++) {
            pool = pool.add(amounts.get(rank - 1));
        }
        return Apportionment.evenly(pool, group, 2).get(winner.subject());
    }
}
