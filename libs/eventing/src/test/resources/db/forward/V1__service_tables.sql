-- Stands in for a service's own migrations in OutboxMigrationForwardIT: applied before the library's V0_3 existed.
CREATE TABLE forward_customer (id VARCHAR(50) PRIMARY KEY, name TEXT NOT NULL);
