package com.example.mkt.kpi.alert;

/**
 * When a run of missed targets raises an alert: after {@code periodsRunning} consecutive periods below target
 * ("连续三个月未完成公司下达的指标": 3; see docs/domain.md#alerts).
 */
public record MissStreakPolicy(int periodsRunning) {

    public MissStreakPolicy {
        if (periodsRunning < 1) {
            throw new IllegalArgumentException("periodsRunning must be at least 1");
        }
    }

    public static MissStreakPolicy defaults() {
        return new MissStreakPolicy(3);
    }
}
