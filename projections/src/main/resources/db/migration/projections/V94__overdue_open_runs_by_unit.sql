-- issue 18: V93's indexes led with the stop ((stopped_at, unit), (stopped_recorded_at)). A statement
-- that finds a case's running stage (case_id = ? and stage = ? and stopped_at is null: the stop, the
-- warning, the breach, a new due version) could then be planned on "stopped_at is null" alone: a
-- connection that prepared it while the table was nearly empty (a rebuild's first seconds) kept a plan
-- that reads every open run for each stop, and a rebuild's overdue view slowed down with every run it
-- added. Led by the unit, the indexes still answer the per-unit lists (a bitmap OR of the three
-- conditions) but can no longer stand in for time_limit_run_open.
DROP INDEX time_limit_run_stopped;
DROP INDEX time_limit_run_stop_recorded;
CREATE INDEX time_limit_run_unit_stopped ON time_limit_run (unit, stopped_at);
CREATE INDEX time_limit_run_unit_stop_recorded ON time_limit_run (unit, stopped_recorded_at);
