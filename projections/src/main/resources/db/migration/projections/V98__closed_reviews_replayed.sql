-- A review case (复查 / 复核) closes when its decision is delivered; the escalations and backlog views
-- missed that event and kept such a case OPEN. Their tokens are removed, so their processors read the
-- event store again from the start when the service starts and set each case's status from its events
-- (their handlers write absolute values: nothing is counted twice; a registration rewrites its row).
DELETE FROM tokenentry WHERE processorname IN ('escalations', 'backlog');
