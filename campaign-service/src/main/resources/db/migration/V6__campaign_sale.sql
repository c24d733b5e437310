-- Every sale this service has read, counted for a campaign or not (contributions keep only the attributed ones): a
-- refund finds its original here by eventId, one lookup per batch through the primary key, and takes back its share
-- of what the original contributed; a refund of a sale never read is dead-lettered instead of counting for nothing.
CREATE TABLE campaign_sale (
    event_id varchar(64)   PRIMARY KEY,
    amount   numeric(15,2) NOT NULL
);
