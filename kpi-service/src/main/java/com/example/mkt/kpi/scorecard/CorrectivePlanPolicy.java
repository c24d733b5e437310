package com.example.mkt.kpi.scorecard;

/**
 * Who owes a corrective plan and by when (the bottom three of the month analyse why they lag and
 * file a corrective plan with HQ customer service "在月工作通报下发后的4天", within 4 days of the monthly bulletin).
 *
 * @param bottomCount   how many from the bottom (3; ties at the edge are included)
 * @param daysToSubmit  calendar days after the bulletin's day; the plan is due by the end of the last one (4)
 */
public record CorrectivePlanPolicy(int bottomCount, int daysToSubmit) {

    public CorrectivePlanPolicy {
        if (bottomCount < 0 || daysToSubmit < 0) {
            throw new IllegalArgumentException("bottomCount and daysToSubmit must not be negative");
        }
    }

    public static CorrectivePlanPolicy defaults() {
        return new CorrectivePlanPolicy(3, 4);
    }
}
