-- Running aggregates of the contributions, updated from each batch's deltas in the batch's transaction, so that
-- applying sales and reading progress, leaderboards, awards and evaluations never reads a campaign's whole history.
-- campaign_contribution stays the record of every attributed sale (refunds find their originals there; a rebuild
-- recomputes these tables from it).

-- What each branch (allocated or not) achieved.
CREATE TABLE campaign_branch_total (
    campaign_id   text          NOT NULL REFERENCES campaign (id),
    branch        text          NOT NULL,
    amount        numeric(18,2) NOT NULL,
    contributions bigint        NOT NULL,
    PRIMARY KEY (campaign_id, branch)
);

-- A branch's contributions per UTC day: net amount, the sum of its negative amounts and its first instant. They
-- bound the search for when a target was reached to the day it happened (target.ReachSearch).
CREATE TABLE campaign_branch_day (
    campaign_id  text          NOT NULL REFERENCES campaign (id),
    branch       text          NOT NULL,
    day          date          NOT NULL,
    net          numeric(18,2) NOT NULL,
    negatives    numeric(18,2) NOT NULL,
    first_at     timestamptz   NOT NULL,
    PRIMARY KEY (campaign_id, branch, day)
);

-- What each salesperson achieved, per branch they sold for.
CREATE TABLE campaign_salesperson_total (
    campaign_id   text          NOT NULL REFERENCES campaign (id),
    branch        text          NOT NULL,
    salesperson   text          NOT NULL,
    amount        numeric(18,2) NOT NULL,
    contributions bigint        NOT NULL,
    PRIMARY KEY (campaign_id, branch, salesperson)
);

-- What each customer bought net (a buyer nets above zero), for the evaluation.
CREATE TABLE campaign_customer_total (
    campaign_id  text          NOT NULL REFERENCES campaign (id),
    customer_id  text          NOT NULL,
    amount       numeric(18,2) NOT NULL,
    PRIMARY KEY (campaign_id, customer_id)
);

-- One day of one branch, in instant order: read when a target's moment must be found within that day.
CREATE INDEX campaign_contribution_branch_time ON campaign_contribution (campaign_id, branch, occurred_at);
DROP INDEX campaign_contribution_branch;

INSERT INTO campaign_branch_total (campaign_id, branch, amount, contributions)
SELECT campaign_id, branch, sum(amount), count(*) FROM campaign_contribution GROUP BY campaign_id, branch;

INSERT INTO campaign_branch_day (campaign_id, branch, day, net, negatives, first_at)
SELECT campaign_id, branch, (occurred_at AT TIME ZONE 'UTC')::date, sum(amount), sum(LEAST(amount, 0)),
       min(occurred_at)
FROM campaign_contribution GROUP BY campaign_id, branch, (occurred_at AT TIME ZONE 'UTC')::date;

INSERT INTO campaign_salesperson_total (campaign_id, branch, salesperson, amount, contributions)
SELECT campaign_id, branch, salesperson, sum(amount), count(*) FROM campaign_contribution
WHERE salesperson IS NOT NULL GROUP BY campaign_id, branch, salesperson;

INSERT INTO campaign_customer_total (campaign_id, customer_id, amount)
SELECT campaign_id, customer_id, sum(amount) FROM campaign_contribution
WHERE customer_id IS NOT NULL GROUP BY campaign_id, customer_id;
