-- Facts from customer.events and campaign.events: a follow-up's task key is up to 200 characters.
ALTER TABLE measure_fact ALTER COLUMN source_id TYPE VARCHAR(240);

-- One KPI's sums for one staff member at the org unit the facts named, in a period. Not rolled up along the tree:
-- a subtree's staff ranking sums the rows of the subtree's units per staff member.
CREATE TABLE kpi_staff_cell (
    kpi_code     VARCHAR(64)  NOT NULL,
    staff_id     VARCHAR(64)  NOT NULL,
    org_unit     VARCHAR(64)  NOT NULL,
    period_key   VARCHAR(10)  NOT NULL,
    period_type  VARCHAR(8)   NOT NULL,
    period_start DATE         NOT NULL,
    numerator    NUMERIC      NOT NULL,
    denominator  NUMERIC      NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kpi_code, staff_id, org_unit, period_key)
);
-- a staff ranking in a subtree at one period
CREATE INDEX kpi_staff_cell_at_period ON kpi_staff_cell (kpi_code, period_key, org_unit);
-- the scorecard job: everyone with measurements in one month
CREATE INDEX kpi_staff_cell_month ON kpi_staff_cell (period_key, staff_id);
