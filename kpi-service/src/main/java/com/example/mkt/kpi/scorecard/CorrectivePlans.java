package com.example.mkt.kpi.scorecard;

import com.example.mkt.kpi.definition.Direction;
import com.example.mkt.kpi.ranking.Ranked;
import com.example.mkt.kpi.ranking.Ranking;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bottom of a month's ranking and their corrective-plan deadline; see {@link CorrectivePlanPolicy}.
 *
 * <p>Nobody who shares the best score is ever "bottom": in a group of three, or where everyone scored the same, the
 * top scorers are not asked to explain why they lag.
 */
public final class CorrectivePlans {

    private final CorrectivePlanPolicy policy;
    private final ZoneId zone;

    public CorrectivePlans(CorrectivePlanPolicy policy, ZoneId zone) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param month             the month ranked
     * @param finalScores       final scores by subject
     * @param bulletinIssuedAt  when the monthly bulletin with the ranking was issued
     * @return lowest first, ties by subject
     */
    public List<CorrectivePlanDue> due(YearMonth month, Map<String, BigDecimal> finalScores, Instant bulletinIssuedAt) {
        LocalDate dueDate = LocalDate.ofInstant(bulletinIssuedAt, zone).plusDays(policy.daysToSubmit());
        Instant dueBefore = dueDate.plusDays(1).atStartOfDay(zone).toInstant();
        BigDecimal best = finalScores.values().stream().max(BigDecimal::compareTo).orElse(null);
        List<Ranked<String>> fromBottom = Ranking.rank(finalScores, Direction.LOWER_IS_BETTER);
        return Ranking.upToRank(fromBottom, policy.bottomCount()).stream()
                .filter(r -> r.value().compareTo(best) < 0)
                .map(r -> new CorrectivePlanDue(r.subject(), month, r.rank(), r.value(), dueDate, dueBefore))
                .toList();
    }
}
