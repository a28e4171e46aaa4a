-- issue 16: 督查、整改、督办、通报 and the campaign's reports.

-- 专项行动: its phases and the units that report.
CREATE TABLE campaign (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    report_every VARCHAR(20)  NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE campaign_phase (
    campaign_id VARCHAR(64)  NOT NULL,
    seq         INTEGER      NOT NULL,
    name        VARCHAR(200) NOT NULL,
    from_date   DATE         NOT NULL,
    to_date     DATE         NOT NULL,
    PRIMARY KEY (campaign_id, seq)
);
CREATE TABLE campaign_unit (
    campaign_id VARCHAR(64) NOT NULL,
    unit        VARCHAR(64) NOT NULL,
    PRIMARY KEY (campaign_id, unit)
);
-- 定期上报: one report of a unit for a period.
CREATE TABLE campaign_report (
    id          VARCHAR(64) NOT NULL PRIMARY KEY,
    campaign_id VARCHAR(64) NOT NULL,
    unit        VARCHAR(64) NOT NULL,
    period_from DATE        NOT NULL,
    period_to   DATE        NOT NULL,
    text        TEXT        NOT NULL,
    figures     TEXT,
    reported_by VARCHAR(64) NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX campaign_report_unit ON campaign_report (campaign_id, unit, period_from);

-- 督查: an inspection of a unit and its findings.
CREATE TABLE inspection (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    campaign_id     VARCHAR(64),
    kind            VARCHAR(20)  NOT NULL,
    methods         VARCHAR(200) NOT NULL,
    unit            VARCHAR(64)  NOT NULL,
    inspection_date DATE         NOT NULL,
    inspectors      VARCHAR(2000) NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inspection_unit ON inspection (unit, inspection_date);
CREATE TABLE inspection_finding (
    inspection_id VARCHAR(64) NOT NULL,
    idx           INTEGER     NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    text          TEXT        NOT NULL,
    case_id       VARCHAR(64),
    PRIMARY KEY (inspection_id, idx)
);

-- 整改: the read model of the Rectification aggregate (written from its events, subscribing).
CREATE TABLE rectification (
    id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    inspection_id     VARCHAR(64)  NOT NULL,
    finding           INTEGER      NOT NULL,
    unit              VARCHAR(64)  NOT NULL,
    requirement       TEXT         NOT NULL,
    limit_amount      BIGINT       NOT NULL,
    limit_unit        VARCHAR(20)  NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    warning_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    explanation       TEXT,
    status            VARCHAR(20)  NOT NULL,
    warned_at         TIMESTAMP WITH TIME ZONE,
    breached_at       TIMESTAMP WITH TIME ZONE,
    breaches          INTEGER      DEFAULT 0 NOT NULL,
    reported_at       TIMESTAMP WITH TIME ZONE,
    report_text       TEXT,
    verified_at       TIMESTAMP WITH TIME ZONE,
    verification_text TEXT,
    reopened          INTEGER      DEFAULT 0 NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    issued_by         VARCHAR(64)  NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rectification_unit ON rectification (unit, status);
CREATE TABLE rectification_step (
    event_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    rectification_id VARCHAR(64) NOT NULL,
    kind             VARCHAR(20) NOT NULL,
    text             TEXT,
    by_user          VARCHAR(64),
    at_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rectification_step_of ON rectification_step (rectification_id, recorded_at);

-- 通报: DRAFT → PUBLISHED, numbered per year on publication.
CREATE TABLE notice (
    id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind              VARCHAR(20)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    number_year       INTEGER,
    number_seq        INTEGER,
    text              TEXT         NOT NULL,
    units             TEXT         NOT NULL,
    case_ids          TEXT         NOT NULL,
    rectification_ids TEXT         NOT NULL,
    persons           TEXT,
    proposal          TEXT,
    source_event_id   VARCHAR(64),
    created_by        VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by      VARCHAR(64),
    published_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notice_number UNIQUE (number_year, number_seq),
    CONSTRAINT notice_source UNIQUE (source_event_id)
);
CREATE TABLE notice_unit (
    notice_id VARCHAR(64) NOT NULL,
    unit      VARCHAR(64) NOT NULL,
    PRIMARY KEY (notice_id, unit)
);

-- 越级访 recorded on cases (from SkipLevelPetitionRecordedEvent), for the campaign's figures.
CREATE TABLE skip_level_record (
    event_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    case_id     VARCHAR(64) NOT NULL,
    unit        VARCHAR(64),
    level       VARCHAR(20) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_id   VARCHAR(64)
);
