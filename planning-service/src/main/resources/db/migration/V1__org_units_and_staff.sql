-- The org tree: planning-service is its source of truth; other services replicate it from org-unit events.
CREATE TABLE org_unit (
    code        VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(400) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    parent_code VARCHAR(32)  REFERENCES org_unit (code),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT org_unit_kind CHECK (kind IN ('HQ', 'REGION', 'BRANCH', 'TEAM'))
);
-- Children of a unit (?parent=, subtree walks for org scope).
CREATE INDEX org_unit_parent ON org_unit (parent_code, code);
-- At most one head office, whatever races the API loses.
CREATE UNIQUE INDEX org_unit_single_hq ON org_unit ((kind)) WHERE kind = 'HQ';

-- People: id = the token's sub.
CREATE TABLE staff (
    id             VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(400) NOT NULL,
    login          VARCHAR(100) NOT NULL,
    org_unit       VARCHAR(32)  NOT NULL REFERENCES org_unit (code),
    roles          VARCHAR(200) NOT NULL,
    on_duty_from   DATE         NOT NULL,
    on_duty_until  DATE,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT staff_duty CHECK (on_duty_until IS NULL OR on_duty_until >= on_duty_from)
);
CREATE UNIQUE INDEX staff_login ON staff (login);
-- Lists per unit (keyset on id) and the staff owing reports of a unit.
CREATE INDEX staff_org_unit ON staff (org_unit, id);
-- Report generation: who is on duty on a day.
CREATE INDEX staff_on_duty ON staff (on_duty_from, on_duty_until);
