-- Effective targets (set, or derived from the month's weeks or the child units) are read per (KPI, period) for every
-- unit at once: kpi.measured per batch, the subtree and series reads, the alert job. kpi_target_cell leads with the
-- unit, so this lookup needs its own index. Numbered 5.1 so that another V5 written in parallel cannot collide.
CREATE INDEX kpi_target_period ON kpi_target (kpi_code, period_key, org_unit) INCLUDE (value);
