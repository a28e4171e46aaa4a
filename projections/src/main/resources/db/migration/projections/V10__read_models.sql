-- Read models, each owned by one view (package) of the projections module and written by its
-- processor only. Every table is cleared by its view's reset handler and rebuilt from the events.

-- projection.ledger: 信访事项台账, one row per case.
CREATE TABLE ledger_case (
    case_id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_no               VARCHAR(20)  NOT NULL,
    petitioner_name       VARCHAR(200) NOT NULL,
    id_number             VARCHAR(18),
    phone                 VARCHAR(32),
    address               VARCHAR(500),
    subject               VARCHAR(500) NOT NULL,
    content               TEXT         NOT NULL,
    channel               VARCHAR(30)  NOT NULL,
    category              VARCHAR(30)  NOT NULL,
    track                 VARCHAR(10)  NOT NULL,
    unit                  VARCHAR(64)  NOT NULL,
    first_unit            VARCHAR(64)  NOT NULL,
    handler               VARCHAR(64),
    status                VARCHAR(20)  NOT NULL,
    current_stage         VARCHAR(20),
    current_due           TIMESTAMP WITH TIME ZONE,
    headcount             INTEGER      NOT NULL,
    collective            BOOLEAN      NOT NULL,
    escalated             BOOLEAN      NOT NULL,
    resolution            TEXT,
    satisfaction          VARCHAR(30),
    remark                TEXT,
    registered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at           TIMESTAMP WITH TIME ZONE,
    declined_at           TIMESTAMP WITH TIME ZONE,
    responded_at          TIMESTAMP WITH TIME ZONE,
    handling_meeting_at   TIMESTAMP WITH TIME ZONE,
    opinion_at            TIMESTAMP WITH TIME ZONE,
    conclusion_meeting_at TIMESTAMP WITH TIME ZONE,
    resolved_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ledger_case_unit ON ledger_case (unit, registered_at);
CREATE INDEX ledger_case_registered ON ledger_case (registered_at);
CREATE INDEX ledger_case_no ON ledger_case (case_no);

CREATE TABLE ledger_stage (
    case_id VARCHAR(64) NOT NULL,
    stage   VARCHAR(20) NOT NULL,
    due_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, stage)
);

-- projection.overdue: every run of a stage against its limit, bitemporal: each fact keeps when it
-- happened (occurred) and when it was recorded, so the list can be asked "as of" an instant and
-- "as known at" another.
CREATE TABLE time_limit_run (
    run_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id             VARCHAR(64)  NOT NULL,
    case_no             VARCHAR(20),
    subject             VARCHAR(500),
    unit                VARCHAR(64)  NOT NULL,
    stage               VARCHAR(20)  NOT NULL,
    rule                VARCHAR(300),
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at          TIMESTAMP WITH TIME ZONE,
    stopped_recorded_at TIMESTAMP WITH TIME ZONE,
    met                 BOOLEAN,
    stop_reason         VARCHAR(20),
    warned_recorded_at  TIMESTAMP WITH TIME ZONE,
    breached_recorded_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX time_limit_run_open ON time_limit_run (case_id, stage, stopped_at);
CREATE INDEX time_limit_run_unit ON time_limit_run (unit, started_at);

CREATE TABLE time_limit_due (
    run_id       VARCHAR(64) NOT NULL,
    version_no   BIGINT      NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    warning_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, version_no)
);

CREATE TABLE overdue_case (
    case_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_no VARCHAR(20)  NOT NULL,
    subject VARCHAR(500) NOT NULL
);

-- projection.escalation: 提级 / 包案 and 积案.
CREATE TABLE escalation_entry (
    event_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id     VARCHAR(64)  NOT NULL,
    reason      VARCHAR(20)  NOT NULL,
    leader      VARCHAR(200),
    plan        VARCHAR(2000),
    stage       VARCHAR(20),
    by_user     VARCHAR(64)  NOT NULL,
    by_role     VARCHAR(20)  NOT NULL,
    at_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX escalation_entry_case ON escalation_entry (case_id);

CREATE TABLE escalation_case (
    case_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_no VARCHAR(20)  NOT NULL,
    subject VARCHAR(500) NOT NULL,
    unit    VARCHAR(64)  NOT NULL,
    status  VARCHAR(20)  NOT NULL
);
