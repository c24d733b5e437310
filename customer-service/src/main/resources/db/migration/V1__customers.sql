-- Customer archive, contacts, contact log, audit trail, grade history.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The databases run with the C locale (initdb --no-locale), where pg_trgm treats every non-ASCII
-- character as a separator, so Chinese names would yield no trigrams at all. Each character is
-- therefore spelled as 6 hex digits of its code point: a substring of the name is a substring of the
-- key, and the key is ASCII, so a trigram index serves "contains" searches in any script.
-- Matches at an offset that is not a multiple of 6 are false positives; queries recheck the name.
CREATE FUNCTION customer_search_key(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT coalesce(string_agg(lpad(to_hex(ascii(ch)), 6, '0'), '' ORDER BY ord), '')
   FROM regexp_split_to_table(lower(t), '') WITH ORDINALITY AS s(ch, ord) $$;

CREATE TABLE customer (
    id                  varchar(64)  PRIMARY KEY,
    type                varchar(16)  NOT NULL,
    name                varchar(200) NOT NULL,
    name_key            text         NOT NULL,
    status              varchar(16)  NOT NULL,
    org_unit            varchar(64)  NOT NULL,
    salesperson         varchar(64),
    region              varchar(100),
    industry            varchar(100),
    size                varchar(32),
    acquisition_channel varchar(32),
    member              boolean      NOT NULL DEFAULT false,
    birthday            date,
    phone               varchar(40),
    external_ref        varchar(128) UNIQUE,
    notes               text,
    tags                text[]       NOT NULL DEFAULT '{}',
    -- digits of every phone of the customer and its contacts, space separated: phone search
    search_phones       text         NOT NULL DEFAULT '',
    grade               varchar(1),
    tier                varchar(16)  NOT NULL DEFAULT 'NONE',
    vip                 boolean      NOT NULL DEFAULT false,
    credit_tier         varchar(8),
    lifecycle_stage     varchar(16)  NOT NULL DEFAULT 'PROSPECT',
    value_score         integer      NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0
);

CREATE INDEX customer_name_key_trgm ON customer USING gin (name_key gin_trgm_ops);
CREATE INDEX customer_phones_trgm ON customer USING gin (search_phones gin_trgm_ops);
CREATE INDEX customer_tags ON customer USING gin (tags);
CREATE INDEX customer_org_unit ON customer (org_unit, id);
CREATE INDEX customer_salesperson ON customer (salesperson, id);
CREATE INDEX customer_grade ON customer (grade, id);
CREATE INDEX customer_tier ON customer (tier, id);
CREATE INDEX customer_credit_tier ON customer (credit_tier, id) WHERE credit_tier IS NOT NULL;
CREATE INDEX customer_lifecycle ON customer (lifecycle_stage, id);

CREATE TABLE customer_contact (
    id            varchar(64)  PRIMARY KEY,
    customer_id   varchar(64)  NOT NULL REFERENCES customer (id),
    name          varchar(100) NOT NULL,
    title         varchar(100) NOT NULL,
    phones        text[]       NOT NULL,
    email         varchar(200),
    key_person    boolean      NOT NULL DEFAULT false,
    decision_role varchar(32),
    created_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0
);
CREATE INDEX customer_contact_customer ON customer_contact (customer_id, id);

-- Every visit or call (004:973): content, visitor, result, open issues.
CREATE TABLE customer_contact_log (
    id          varchar(64)  PRIMARY KEY,
    customer_id varchar(64)  NOT NULL REFERENCES customer (id),
    channel     varchar(16)  NOT NULL,
    occurred_at timestamptz  NOT NULL,
    visitor     varchar(64)  NOT NULL,
    content     text         NOT NULL,
    result      text,
    open_issues text,
    recorded_at timestamptz  NOT NULL
);
CREATE INDEX customer_contact_log_customer ON customer_contact_log (customer_id, occurred_at DESC, id DESC);

-- Archive changes (004:111, 003:2421-2425): who changed what, from which value to which.
CREATE TABLE customer_audit (
    id          bigserial    PRIMARY KEY,
    customer_id varchar(64)  NOT NULL REFERENCES customer (id),
    at          timestamptz  NOT NULL,
    actor       varchar(64)  NOT NULL,
    action      varchar(32)  NOT NULL,
    changes     jsonb        NOT NULL
);
CREATE INDEX customer_audit_customer ON customer_audit (customer_id, id DESC);

CREATE TABLE customer_grade_change (
    id          bigserial    PRIMARY KEY,
    customer_id varchar(64)  NOT NULL REFERENCES customer (id),
    from_grade  varchar(1),
    to_grade    varchar(1)   NOT NULL,
    reason      text         NOT NULL,
    changed_by  varchar(64)  NOT NULL,
    changed_at  timestamptz  NOT NULL
);
CREATE INDEX customer_grade_change_customer ON customer_grade_change (customer_id, id DESC);
CREATE INDEX customer_grade_change_at ON customer_grade_change (changed_at);
