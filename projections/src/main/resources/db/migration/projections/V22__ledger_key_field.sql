-- Issue 15: the key field (重点领域) of a case, a filter of the ledger (GET /api/ledger?field=, GET /api/cases?field=).
-- Null for cases without one (every case registered before the field existed).
ALTER TABLE ledger_case ADD COLUMN key_field VARCHAR(40);
