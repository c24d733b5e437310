-- Saved, rule-based segments (DOMAIN.md §1 "Segments") and their current members.
CREATE TABLE segment (
    id           varchar(64)  PRIMARY KEY,
    name         varchar(200) NOT NULL,
    description  text,
    rule         jsonb        NOT NULL,
    created_by   varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    evaluated_at timestamptz,
    version      bigint       NOT NULL DEFAULT 0
);

CREATE TABLE segment_member (
    segment_id  varchar(64) NOT NULL REFERENCES segment (id),
    customer_id varchar(64) NOT NULL REFERENCES customer (id),
    since       timestamptz NOT NULL,
    PRIMARY KEY (segment_id, customer_id)
);
CREATE INDEX segment_member_customer ON segment_member (customer_id);
