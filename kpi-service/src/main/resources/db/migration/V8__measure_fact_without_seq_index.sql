-- measure_fact's unique index on seq was read by two things only: the rebuild's chunks (now ranges of the table's
-- pages, a TID range scan) and unparking by seq (now through measure_fact_parked, which holds the seqs of parked facts,
-- the only ones unparked). Every fact inserted kept it up: one of the insert's four WAL records and about a tenth of
-- its cost, for nothing the consumer reads. seq itself stays: the parked-fact job takes parked facts in seq order.
DROP INDEX measure_fact_seq;
