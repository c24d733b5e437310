package com.example.mkt.planning.plan;

/**
 * Risk score bands on the usual 5x5 matrix and how much risk may simply be accepted. The business gives the scales
 * but no bands; these are the common ones: 1-4 low, 5-9 medium, 10-19 high, 20-25 critical. A high or critical
 * risk must be avoided, reduced or transferred, not accepted.
 */
public record RiskPolicy(int mediumFrom, int highFrom, int criticalFrom, RiskLevel maxAcceptedLevel) {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    public RiskPolicy {
        if (!(1 < mediumFrom && mediumFrom < highFrom && highFrom < criticalFrom && criticalFrom <= 25)) {
            throw new IllegalArgumentException("bands must rise within 2..25");
        }
    }

    public static RiskPolicy defaults() {
        return new RiskPolicy(5, 10, 20, RiskLevel.MEDIUM);
    }

    public RiskLevel level(int score) {
        if (score >= criticalFrom) {
            return RiskLevel.CRITICAL;
        }
        if (score >= highFrom) {
            return RiskLevel.HIGH;
        }
        return score >= mediumFrom ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }

    public RiskLevel level(Risk risk) {
        return level(risk.score());
    }

    public boolean mayAccept(Risk risk) {
        return level(risk).compareTo(maxAcceptedLevel) <= 0;
    }
}
