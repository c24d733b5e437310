package com.example.mkt.planning.plan;

/**
 * A plan risk, assessed by likelihood and impact on 1-5 scales ("分析风险的可能性和影响程度").
 *
 * @param mitigation how the response is carried out; required unless the risk is accepted
 */
public record Risk(String id, String description, RiskCategory category, int likelihood, int impact,
        RiskResponse response, String mitigation) {

    /** likelihood x impact, 1..25. */
    public int score() {
        return likelihood * impact;
    }
}
