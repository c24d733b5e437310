-- Staff cells are kept per day and per month only (rollup.StaffGrains): weeks are read as the sum of their days,
-- quarters and years as the sum of their months. The consumer stops writing the other grains with this version, so
-- their rows would only go stale; the day and month rows already hold every fact.
DELETE FROM kpi_staff_cell WHERE period_type IN ('YEAR', 'QUARTER', 'WEEK');
