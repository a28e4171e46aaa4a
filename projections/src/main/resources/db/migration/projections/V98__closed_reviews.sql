-- A review case (复查 / 复核) closes when its decision is delivered; the escalations and backlog views
-- missed that event and kept such a case OPEN (the ledger did not: it takes the status from the same
-- events). Each such row takes the ledger's closing status; the views' handlers keep it from here on.
UPDATE escalation_case SET status = (SELECT l.status FROM ledger_case l WHERE l.case_id = escalation_case.case_id)
 WHERE status = 'OPEN'
   AND EXISTS (SELECT 1 FROM ledger_case l WHERE l.case_id = escalation_case.case_id AND l.status IN ('RESOLVED', 'DECLINED'));
UPDATE backlog_case SET status = (SELECT l.status FROM ledger_case l WHERE l.case_id = backlog_case.case_id)
 WHERE status = 'OPEN'
   AND EXISTS (SELECT 1 FROM ledger_case l WHERE l.case_id = backlog_case.case_id AND l.status IN ('RESOLVED', 'DECLINED'));
