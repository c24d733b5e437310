-- Effects of the test consumer; deliberately without a unique key, so a second application would show.
CREATE TABLE test_effect (
    id       BIGSERIAL PRIMARY KEY,
    event_id VARCHAR(100) NOT NULL,
    note     TEXT
);
-- An entity the test outbox writer updates in the same transaction as its events.
CREATE TABLE test_counter (
    id    VARCHAR(50) PRIMARY KEY,
    value BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);
