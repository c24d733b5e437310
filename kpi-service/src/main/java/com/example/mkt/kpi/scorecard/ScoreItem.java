package com.example.mkt.kpi.scorecard;

/** The items of the customer-service staff scorecard; weights live in the policy. */
public enum ScoreItem {
    /** 专业技能、接听质量: call spot checks. */
    CALL_QUALITY,
    /** 客户投诉解决率. */
    COMPLAINT_RESOLUTION,
    /** 回访完成率. */
    FOLLOW_UP_COMPLETION,
    /** 回访真实度: follow-ups found to be false. */
    FOLLOW_UP_AUTHENTICITY,
    /** 客户满意度. */
    SATISFACTION,
    /** 报表上交真实性. */
    REPORT_TRUTHFULNESS,
    /** 审计、纠错及行政通报. */
    AUDIT_NOTICES
}
