-- Raw facts every cell is computed from. Kept so that a rebuild gives the same numbers without replaying Kafka.
-- (source_id, kpi_code) is the fact's identity: a sale's eventId counted once even if the inbox forgot it.
CREATE TABLE measure_fact (
    seq          BIGSERIAL    NOT NULL,
    source_id    VARCHAR(80)  NOT NULL,
    kpi_code     VARCHAR(64)  NOT NULL,
    source_type  VARCHAR(64)  NOT NULL,
    org_unit     VARCHAR(64)  NOT NULL,
    staff_id     VARCHAR(64),
    occurred_at  TIMESTAMPTZ  NOT NULL,
    numerator    NUMERIC      NOT NULL,
    denominator  NUMERIC      NOT NULL,
    -- parked: the org unit was not in the replica yet; retried by a job, applied by a rebuild once known
    parked       BOOLEAN      NOT NULL,
    park_reason  TEXT,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, kpi_code)
);
CREATE UNIQUE INDEX measure_fact_seq ON measure_fact (seq);
CREATE INDEX measure_fact_parked ON measure_fact (seq) WHERE parked;

-- One KPI's sums for an org unit in a period. Ratio KPIs keep numerator and denominator and divide on read.
-- Unconstrained NUMERIC keeps the scale of what was added (money stays at 2 decimals).
CREATE TABLE kpi_cell (
    kpi_code     VARCHAR(64)  NOT NULL,
    org_unit     VARCHAR(64)  NOT NULL,
    period_key   VARCHAR(10)  NOT NULL,
    period_type  VARCHAR(8)   NOT NULL,
    period_start DATE         NOT NULL,
    numerator    NUMERIC      NOT NULL,
    denominator  NUMERIC      NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kpi_code, org_unit, period_key)
);
-- time series of one unit
CREATE INDEX kpi_cell_series ON kpi_cell (kpi_code, org_unit, period_type, period_start);
-- a subtree or siblings at one period
CREATE INDEX kpi_cell_at_period ON kpi_cell (kpi_code, period_key, org_unit);

CREATE TABLE kpi_target (
    id           VARCHAR(36)  PRIMARY KEY,
    kpi_code     VARCHAR(64)  NOT NULL,
    org_unit     VARCHAR(64)  NOT NULL,
    period_key   VARCHAR(10)  NOT NULL,
    period_type  VARCHAR(8)   NOT NULL,
    period_start DATE         NOT NULL,
    period_end   DATE         NOT NULL,
    value        NUMERIC      NOT NULL CHECK (value >= 0),
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(64),
    CONSTRAINT kpi_target_cell UNIQUE (kpi_code, org_unit, period_key)
);
CREATE INDEX kpi_target_series ON kpi_target (kpi_code, org_unit, period_type, period_start);
CREATE INDEX kpi_target_unit ON kpi_target (org_unit, id);
-- the alert job walks targets whose period has ended
CREATE INDEX kpi_target_end ON kpi_target (period_end);
