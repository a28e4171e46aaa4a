-- issue 18: a run's row keeps a copy of its latest due version (the highest version_no in time_limit_due).
-- The overdue and soon-due lists read it without the join whenever that version applied at T and was
-- recorded by K (for "now", nearly every run), and a unit's running stages are found by their due
-- instant: a supervisor's first page of a unit with 6,000 open runs read every one of them with two
-- lookups in time_limit_due each (29 ms alone, 60-150 ms under the mixed load). The projection keeps
-- the copy from here on; the rows already there are filled below.
ALTER TABLE time_limit_run ADD COLUMN due_version BIGINT;
ALTER TABLE time_limit_run ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE time_limit_run ADD COLUMN warning_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE time_limit_run ADD COLUMN due_effective_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE time_limit_run ADD COLUMN due_recorded_at TIMESTAMP WITH TIME ZONE;
UPDATE time_limit_run r SET due_version = (SELECT max(d.version_no) FROM time_limit_due d WHERE d.run_id = r.run_id);
UPDATE time_limit_run r SET
    due_at = (SELECT d.due_at FROM time_limit_due d WHERE d.run_id = r.run_id AND d.version_no = r.due_version),
    warning_at = (SELECT d.warning_at FROM time_limit_due d WHERE d.run_id = r.run_id AND d.version_no = r.due_version),
    due_effective_at = (SELECT d.effective_at FROM time_limit_due d WHERE d.run_id = r.run_id AND d.version_no = r.due_version),
    due_recorded_at = (SELECT d.recorded_at FROM time_limit_due d WHERE d.run_id = r.run_id AND d.version_no = r.due_version)
 WHERE r.due_version IS NOT NULL;
-- V94's (unit, stopped_at) with the due instant after it: the running stages of a unit by due instant
-- (unit = ? and stopped_at is null and due_at < ?), so a unit's stopped runs, most of its history, are
-- not read; it still answers "stopped after T" as before. (A partial index would do, but H2 has none.)
DROP INDEX time_limit_run_unit_stopped;
CREATE INDEX time_limit_run_unit_stopped_due ON time_limit_run (unit, stopped_at, due_at);
