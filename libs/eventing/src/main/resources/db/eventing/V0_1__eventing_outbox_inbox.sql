-- Owned by libs/eventing; every service adds classpath:db/eventing to its Flyway locations.
-- Versions V0_x are reserved for this library so they never collide with a service's V1+.

-- Events waiting to be published, written in the same transaction as the state change.
-- id orders them: the relay publishes in id order, so per-key order is the commit order of the
-- aggregate's transactions (each of which locks the aggregate row before it writes here).
CREATE TABLE eventing_outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    event_key    VARCHAR(200) NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    payload      TEXT         NOT NULL,
    headers      TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
-- The relay's only lookup: the oldest unpublished rows.
CREATE INDEX eventing_outbox_pending ON eventing_outbox (id) WHERE published_at IS NULL;
-- Pruning of published rows after the retention period.
CREATE INDEX eventing_outbox_published ON eventing_outbox (published_at) WHERE published_at IS NOT NULL;

-- Ids of events a consumer has applied, written in the same transaction as the effect.
CREATE TABLE eventing_inbox (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX eventing_inbox_processed_at ON eventing_inbox (processed_at);
