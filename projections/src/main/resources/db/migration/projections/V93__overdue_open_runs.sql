-- issue 18: the overdue and soon-due lists start from the runs that can still count at T as known at K
-- (running, stopped after T, or stopped but recorded after K) instead of every run a unit ever had:
-- their cost follows what is open, not the history.
CREATE INDEX time_limit_run_stopped ON time_limit_run (stopped_at, unit);
CREATE INDEX time_limit_run_stop_recorded ON time_limit_run (stopped_recorded_at);
