-- Campaigns: the aggregate row holds the definition, branch allocation, award rules and lifecycle as JSON
-- (always read and replaced whole, under one @Version); the columns beside them are what queries select on.
CREATE TABLE campaign (
    id            text PRIMARY KEY,
    code          text        NOT NULL,
    org_unit      text        NOT NULL,
    state         text        NOT NULL,
    period_start  date        NOT NULL,
    period_end    date        NOT NULL,
    branches      text[]      NOT NULL DEFAULT '{}',
    definition    jsonb       NOT NULL,
    allocation    jsonb       NOT NULL,
    award_rules   jsonb       NOT NULL,
    lifecycle     jsonb       NOT NULL,
    costs         jsonb       NOT NULL DEFAULT '{}',
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL
);
CREATE UNIQUE INDEX campaign_code_uq ON campaign (upper(code));
-- org scope of lists: the owning unit or any allocated branch
CREATE INDEX campaign_org_unit_id ON campaign (org_unit, id);
CREATE INDEX campaign_branches_gin ON campaign USING gin (branches);
-- the sales consumer loads the campaigns that can attribute
CREATE INDEX campaign_state ON campaign (state);

-- One row per sale (or refund) that counted for a campaign: everything progress, leaderboards, awards and
-- evaluation are recomputed from. The primary key makes a redelivered sale a no-op.
CREATE TABLE campaign_contribution (
    campaign_id    text          NOT NULL REFERENCES campaign (id),
    sale_event_id  text          NOT NULL,
    kind           text          NOT NULL,
    refund_of      text,
    branch         text          NOT NULL,
    org_unit       text          NOT NULL,
    salesperson    text,
    customer_id    text,
    occurred_at    timestamptz   NOT NULL,
    amount         numeric(15,2) NOT NULL,
    sub_window     text,
    recorded_at    timestamptz   NOT NULL,
    PRIMARY KEY (campaign_id, sale_event_id)
);
CREATE INDEX campaign_contribution_branch ON campaign_contribution (campaign_id, branch);
-- refunds find the contribution of the sale they refund
CREATE INDEX campaign_contribution_sale ON campaign_contribution (sale_event_id);

-- Targets reached, so each is announced once per reaching (a refund that un-reaches deletes the row).
CREATE TABLE campaign_target_reached (
    campaign_id  text        NOT NULL REFERENCES campaign (id),
    branch       text        NOT NULL,
    target       text        NOT NULL,
    reached_at   timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, branch, target)
);

-- The last award computation that was published (recomputing on demand gives the same answer).
CREATE TABLE campaign_award_result (
    campaign_id  text        PRIMARY KEY REFERENCES campaign (id),
    computed_at  timestamptz NOT NULL,
    computed_by  text        NOT NULL,
    result       jsonb       NOT NULL
);

-- Segment membership, from customer-service's segment.membership-changed events.
CREATE TABLE segment_member (
    customer_id  text        NOT NULL,
    segment_id   text        NOT NULL,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (customer_id, segment_id)
);
CREATE INDEX segment_member_segment ON segment_member (segment_id, customer_id);
