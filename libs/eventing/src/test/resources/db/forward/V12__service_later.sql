ALTER TABLE forward_customer ADD COLUMN tier VARCHAR(20);
