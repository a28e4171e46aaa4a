-- The 条例's own rules (书面告知, 送达, 复查/复核, 检举控告, 免除见面) in the ledger. The ledger's token is
-- removed, so its processor reads the event store again from the start when the service starts and
-- fills the new columns of existing cases (its handlers write absolute values: nothing is counted twice).
ALTER TABLE ledger_case ADD COLUMN accused_unit VARCHAR(64);
ALTER TABLE ledger_case ADD COLUMN parent_case_id VARCHAR(64);
ALTER TABLE ledger_case ADD COLUMN review_level VARCHAR(20);
ALTER TABLE ledger_case ADD COLUMN notified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ledger_case ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ledger_case ADD COLUMN review_request_deadline TIMESTAMP WITH TIME ZONE;
ALTER TABLE ledger_case ADD COLUMN handling_meeting_waived BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ledger_case ADD COLUMN conclusion_meeting_waived BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ledger_case ADD COLUMN satisfaction_source VARCHAR(30);
CREATE INDEX ledger_case_parent ON ledger_case (parent_case_id);

DELETE FROM tokenentry WHERE processorname = 'ledger';
