-- One row per pilot that ran past its maximum duration: the key makes the overdue notice once-only across replicas.
CREATE TABLE campaign_pilot_overdue (
    campaign_id      text        NOT NULL REFERENCES campaign (id),
    pilot_started_at timestamptz NOT NULL,
    noticed_at       timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, pilot_started_at)
);
