package com.example.mkt.planning.plan;

/**
 * Ties a goal to a KPI of the plan's owner unit so its progress follows KPI events (docs/domain.md#plan-content): the
 * KPI {@code kpiCode} for the period {@code periodKey} as kpi-service names it (e.g. {@code 2026}, {@code 2026-05}).
 */
public record KpiLink(String kpiCode, String periodKey) {
}
