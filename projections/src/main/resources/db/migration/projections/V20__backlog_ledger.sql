-- projection.backlog (issue 15): 积案台账, one row per case; a case is on the backlog once escalated.
CREATE TABLE backlog_case (
    case_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_no           VARCHAR(20)  NOT NULL,
    subject           VARCHAR(500) NOT NULL,
    category          VARCHAR(30)  NOT NULL,
    field             VARCHAR(40),
    unit              VARCHAR(64)  NOT NULL,
    petitioner_name   VARCHAR(200) NOT NULL,
    id_number         VARCHAR(18),
    phone             VARCHAR(32),
    status            VARCHAR(20)  NOT NULL,
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated         BOOLEAN      NOT NULL,
    reasons           VARCHAR(200),
    escalated_at      TIMESTAMP WITH TIME ZONE,
    leader            VARCHAR(64),
    leader_unit       VARCHAR(64),
    plan_crux         TEXT,
    plan_measures     TEXT,
    plan_responsible  VARCHAR(200),
    plan_target_date  DATE,
    assigned_at       TIMESTAMP WITH TIME ZONE,
    last_progress_at  TIMESTAMP WITH TIME ZONE,
    last_progress_kind VARCHAR(20),
    last_progress_text TEXT,
    outcome           VARCHAR(20),
    outcome_text      TEXT,
    settled_at        TIMESTAMP WITH TIME ZONE,
    progress_status   VARCHAR(20),
    progress_due      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX backlog_case_unit ON backlog_case (unit);
CREATE INDEX backlog_case_leader ON backlog_case (leader);
