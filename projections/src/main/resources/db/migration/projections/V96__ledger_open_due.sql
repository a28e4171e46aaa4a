-- The work list (工作台) of all units orders the open cases by their current stage's due instant and counts
-- them. Without an index it read every row of ledger_case (a sequential scan: 22 of 24 ms for 30,000 cases,
-- 84 ms p50 for 200,000 in the benchmark). With the status first, the open cases' entries lie together, and
-- the statement reads them from the index alone (2.2 ms for 30,000 cases): docs/performance.md, Findings
-- of 2026-12-01 14:46. A change of status or of the current stage's due instant is then no longer a
-- heap-only update of ledger_case (it adds an entry to each of its indexes).
CREATE INDEX ledger_case_open_due ON ledger_case (status, current_due, case_no, case_id);
