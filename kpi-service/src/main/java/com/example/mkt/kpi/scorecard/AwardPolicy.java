package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Cash awards for the best over several months ("连续3个月(季度)评比综合排名前三名,分别奖励500元、300元、
 * 200元,名次并列的同时奖励").
 *
 * @param months              months in the rolling window (3)
 * @param amounts             award per rank, 1st first (500/300/200 CNY)
 * @param ties                how tied people are paid; the business says ties are all awarded, so by default each gets
 *                            their rank's full amount
 * @param requireEveryMonth   whether someone missing a month's score (joined, long leave) is left out (true: an
 *                            average over fewer months would not be comparable)
 */
public record AwardPolicy(int months, List<BigDecimal> amounts, TiePayout ties, boolean requireEveryMonth) {

    public enum TiePayout {
        /** Everyone tied at rank r receives the amount of rank r (1,1,3 → 500,500,200). */
        EACH_FULL,
        /** A tied group shares the amounts of the ranks it occupies, to the cent (1,1,3 → 400,400,200). */
        SHARE_POOL
    }

    public AwardPolicy {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1");
        }
        amounts = List.copyOf(amounts);
        amounts.forEach(a -> {
            if (a.signum() < 0) {
                throw new IllegalArgumentException("award amounts must not be negative");
            }
        });
        Objects.requireNonNull(ties, "ties");
    }

    public static AwardPolicy defaults() {
        return new AwardPolicy(3, List.of(new BigDecimal("500.00"), new BigDecimal("300.00"), new BigDecimal("200.00")),
                TiePayout.EACH_FULL, true);
    }
}
