-- The person (petitioner.personId) of each visit, reception and case row of the 大走访/大接访 lists, so that
-- shredding a person's data finds that person's rows by id. A petitioner known by name alone gets a person id
-- of their own at input (two such petitioners of the same name are not the same person); such an id cannot be
-- derived from the row's fields again. Rows written before this migration keep a null person id: shredding
-- derives theirs from their fields, as before.
ALTER TABLE visit_entry ADD COLUMN person_id VARCHAR(64);
CREATE INDEX visit_entry_person ON visit_entry (person_id);
ALTER TABLE reception_entry ADD COLUMN person_id VARCHAR(64);
CREATE INDEX reception_entry_person ON reception_entry (person_id);
ALTER TABLE visit_case_person ADD COLUMN person_id VARCHAR(64);
CREATE INDEX visit_case_person_person ON visit_case_person (person_id);
