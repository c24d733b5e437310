package com.example.mkt.customer.lifecycle;

import com.example.mkt.customer.score.PurchaseStats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Derives the lifecycle stage from purchase figures at an instant (docs/domain.md#customer-lifecycle). Stateless:
 * a return after churn is recognised from the gap between the last two purchases, so a missed nightly
 * run or a replayed stream gives the same answer. Rules, first match wins:
 * <ol>
 * <li>no purchase: PROSPECT;</li>
 * <li>idle at least {@code churnedAfterDays}: CHURNED;</li>
 * <li>idle at least {@code atRiskAfterDays}: AT_RISK;</li>
 * <li>the last purchase came at least {@code churnedAfterDays} after the one before and less than
 * {@code wonBackForDays} ago: WON_BACK;</li>
 * <li>first purchase less than {@code newForDays} ago: NEW;</li>
 * <li>spend of the last complete months fell by at least {@code spendDropShare} against the window before
 * (which must have had positive spend): AT_RISK;</li>
 * <li>otherwise ACTIVE.</li>
 * </ol>
 * Days are whole business-zone calendar days between the dates.
 */
public final class LifecycleRule {

    private final LifecyclePolicy policy;

    public LifecycleRule(LifecyclePolicy policy) {
        this.policy = policy;
    }

    public LifecycleAssessment assess(PurchaseStats stats, Instant now) {
        if (stats.lastPurchaseAt().isEmpty()) {
            return new LifecycleAssessment(LifecycleStage.PROSPECT, LifecycleReason.NEVER_PURCHASED, -1);
        }
        LocalDate today = date(now);
        LocalDate last = date(stats.lastPurchaseAt().get());
        long idle = Math.max(0, ChronoUnit.DAYS.between(last, today));
        if (idle >= policy.churnedAfterDays()) {
            return new LifecycleAssessment(LifecycleStage.CHURNED, LifecycleReason.IDLE_CHURNED, idle);
        }
        if (idle >= policy.atRiskAfterDays()) {
            return new LifecycleAssessment(LifecycleStage.AT_RISK, LifecycleReason.IDLE_TOO_LONG, idle);
        }
        boolean returned = stats.priorPurchaseAt()
                .map(prior -> ChronoUnit.DAYS.between(date(prior), last) >= policy.churnedAfterDays())
                .orElse(false);
        if (returned && idle < policy.wonBackForDays()) {
            return new LifecycleAssessment(LifecycleStage.WON_BACK, LifecycleReason.RETURNED_AFTER_CHURN, idle);
        }
        LocalDate first = date(stats.firstPurchaseAt().orElseThrow());
        if (ChronoUnit.DAYS.between(first, today) < policy.newForDays()) {
            return new LifecycleAssessment(LifecycleStage.NEW, LifecycleReason.RECENT_FIRST_PURCHASE, idle);
        }
        if (spendFell(stats, YearMonth.from(today))) {
            return new LifecycleAssessment(LifecycleStage.AT_RISK, LifecycleReason.SPEND_FELL, idle);
        }
        return new LifecycleAssessment(LifecycleStage.ACTIVE, LifecycleReason.BUYING_REGULARLY, idle);
    }

    private boolean spendFell(PurchaseStats stats, YearMonth currentMonth) {
        int w = policy.spendWindowMonths();
        YearMonth recentEnd = currentMonth.minusMonths(1);
        YearMonth recentStart = currentMonth.minusMonths(w);
        BigDecimal recent = stats.spendBetween(recentStart, recentEnd);
        BigDecimal previous = stats.spendBetween(recentStart.minusMonths(w), recentStart.minusMonths(1));
        if (previous.signum() <= 0) {
            return false;
        }
        // recent <= previous * (1 - share)  <=>  fell by at least the share; exact, no division
        BigDecimal ceiling = previous.multiply(BigDecimal.ONE.subtract(policy.spendDropShare()));
        return recent.compareTo(ceiling) <= 0;
    }

    private LocalDate date(Instant instant) {
        return instant.atZone(policy.zone()).toLocalDate();
    }
}
