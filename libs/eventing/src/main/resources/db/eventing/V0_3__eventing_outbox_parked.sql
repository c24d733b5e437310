-- Owned by libs/eventing. Services have applied their own V1+ migrations before this one existed, so it is applied
-- out of order: every service sets quarkus.flyway.out-of-order=true (OutboxMigrationForwardIT migrates such a
-- database forward).

-- A row Kafka refuses permanently (too large, topic missing or not allowed) is retried a bounded number of times,
-- then parked: moved aside with its reason until operations release it. Adding columns with constant defaults is
-- a catalogue change only: no table rewrite on a large outbox.
ALTER TABLE eventing_outbox
    ADD COLUMN attempts   INT NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN parked_at  TIMESTAMPTZ;

-- The relay's lookup: the oldest rows that are neither published nor parked. It replaces the index on unpublished
-- rows (which would make the relay step over parked rows on every round), so a write still maintains as many indexes.
CREATE INDEX eventing_outbox_ready ON eventing_outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;
DROP INDEX eventing_outbox_pending;
-- Parked rows: the relay holds back a key's later rows while one of its rows is parked (per-key order, a hashed set
-- of the parked keys read through this index), and operations list and release them in id order. Empty in normal
-- operation, so the relay's check reads one index page (OutboxPlansIT checks the plans).
CREATE INDEX eventing_outbox_parked ON eventing_outbox (id) WHERE parked_at IS NOT NULL;
-- Statistics for the new columns at once: without them the planner guesses that most rows are parked and would
-- read a week of published rows to find the parked ones.
ANALYZE eventing_outbox;
