-- Owned by libs/rest; services add classpath:db/rest to their Flyway locations.
-- Libraries share the V0_x version space (libs/eventing has V0_1); services number from V1.

-- First answers to POST requests that carried an Idempotency-Key, replayed to repeats.
CREATE TABLE rest_idempotency (
    principal      VARCHAR(200) NOT NULL,
    idem_key       VARCHAR(200) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(200),
    location       TEXT,
    etag           VARCHAR(200),
    body           TEXT,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idem_key)
);
CREATE INDEX rest_idempotency_created_at ON rest_idempotency (created_at);

-- This service's copy of the org tree (owned by planning-service), fed by org-unit events; org scope
-- checks read it.
CREATE TABLE org_unit_ref (
    code       VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    parent     VARCHAR(64),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    version    BIGINT       NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX org_unit_ref_parent ON org_unit_ref (parent);
