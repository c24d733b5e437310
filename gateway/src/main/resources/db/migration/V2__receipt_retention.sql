-- Receipts are kept for gateway.sales.receipt-retention (35 days), not for ever: ReceiptPruning deletes older ones by
-- received_at. Rows arrive in received_at order, so a BRIN index finds them at almost no cost per insert (a B-tree
-- would be one more index entry per sale on the ingestion path).
CREATE INDEX sales_event_receipt_received ON sales_event_receipt USING brin (received_at);
