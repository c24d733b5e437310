-- Monthly staff scorecards (003:1577-1696): manual inputs and the sheet computed from them; frozen once published.
CREATE TABLE scorecard (
    id            VARCHAR(36)  PRIMARY KEY,
    staff_id      VARCHAR(64)  NOT NULL,
    org_unit      VARCHAR(64)  NOT NULL,
    month         VARCHAR(7)   NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    inputs        TEXT         NOT NULL,
    sheet         TEXT         NOT NULL,
    sheet_total   NUMERIC      NOT NULL,
    final_score   NUMERIC      NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    published_at  TIMESTAMPTZ,
    CONSTRAINT scorecard_staff_month UNIQUE (staff_id, month)
);
-- rankings and awards read one month's (or three months') published cards
CREATE INDEX scorecard_month ON scorecard (month, status);
CREATE INDEX scorecard_unit ON scorecard (org_unit, id);
