-- Sales events the gateway has published, recorded only after Kafka acknowledged them: a resend of
-- one of these eventIds is answered DUPLICATE instead of being published again.
CREATE TABLE sales_event_receipt (
    event_id    varchar(64) PRIMARY KEY,
    client      varchar(200) NOT NULL,
    envelope_id uuid NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
