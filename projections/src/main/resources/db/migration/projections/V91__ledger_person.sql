-- issue 17: the ledger knows each case's person (petitioner.personId), so that shredding a person's
-- data also erases the clear copies the ledger keeps, and the retention list can find the person.
-- Rows written before this migration have no person id until the ledger is rebuilt.
ALTER TABLE ledger_case ADD COLUMN person_id VARCHAR(64);
CREATE INDEX ledger_case_person ON ledger_case (person_id);
