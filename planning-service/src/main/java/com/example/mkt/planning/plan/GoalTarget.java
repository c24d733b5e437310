package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What makes a goal measurable and dated ("以明确且可测度的形式来陈述,并有一定的完成期限"):
 * e.g. metric "销售额", value 18000000.00, unit "CNY", due 2026-12-31. Goals are "reach at least": lower-is-better
 * aims are stated as a rate to raise (on-time resolution rate rather than complaint count).
 */
public record GoalTarget(String metric, BigDecimal value, String unit, LocalDate due) {
}
