-- The ledger's cases counted per unit and status, kept by the ledger view in the same transaction as
-- ledger_case (projection.ledger.CaseCounts). The ledger's total without a filter, or by unit and
-- status only, is the sum of these rows instead of a count of every case: at 200,000 cases that count
-- was nearly all of the ledger page of all units (47-55 ms, against 0.06-0.17 ms for the page itself,
-- measured on a copy of the schema: docs/performance.md, Findings of 2026-12-01 17:01).
-- A node of an earlier version does not keep these counts: upgrade every node together, or rebuild
-- the ledger after the last one is upgraded (docs/runbook.md, "Upgrade safety").
CREATE TABLE ledger_case_count (
    unit   VARCHAR(64) NOT NULL,
    status VARCHAR(20) NOT NULL,
    cases  BIGINT      NOT NULL,
    PRIMARY KEY (unit, status)
);

INSERT INTO ledger_case_count (unit, status, cases)
SELECT unit, status, count(*) FROM ledger_case GROUP BY unit, status;
