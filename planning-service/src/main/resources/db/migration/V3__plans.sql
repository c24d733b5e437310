-- A plan: its identity, owner and period; the content lives in its versions.
CREATE TABLE plan (
    id              VARCHAR(36)  PRIMARY KEY,
    kind            VARCHAR(10)  NOT NULL,
    owner_org_unit  VARCHAR(32)  NOT NULL REFERENCES org_unit (code),
    title           VARCHAR(800) NOT NULL,
    period_start    DATE         NOT NULL,
    period_end      DATE         NOT NULL,
    parent_plan_id  VARCHAR(36)  REFERENCES plan (id),
    version         BIGINT       NOT NULL DEFAULT 0,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- Lists per unit (keyset on id) and breakdowns of a parent plan.
CREATE INDEX plan_owner ON plan (owner_org_unit, id);
CREATE INDEX plan_parent ON plan (parent_plan_id) WHERE parent_plan_id IS NOT NULL;

-- Every version of a plan is kept; an approved one is never changed again.
CREATE TABLE plan_version (
    plan_id          VARCHAR(36) NOT NULL REFERENCES plan (id),
    number           INTEGER     NOT NULL,
    state            VARCHAR(12) NOT NULL,
    revision_count   INTEGER     NOT NULL DEFAULT 0,
    based_on         INTEGER,
    author_id        VARCHAR(64) NOT NULL,
    content          TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    state_changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, number)
);

-- The approval history with its comments, in order.
CREATE TABLE plan_step (
    id          BIGSERIAL   PRIMARY KEY,
    plan_id     VARCHAR(36) NOT NULL REFERENCES plan (id),
    version     INTEGER     NOT NULL,
    action      VARCHAR(12) NOT NULL,
    from_state  VARCHAR(12),
    to_state    VARCHAR(12) NOT NULL,
    actor_id    VARCHAR(64) NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    note        TEXT
);
CREATE INDEX plan_step_plan ON plan_step (plan_id, id);
