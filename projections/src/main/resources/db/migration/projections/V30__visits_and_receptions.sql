-- Issue 14: the read models of 大走访 (visits) and 大接访 (the reception rota and reception records).
-- Built by the "visits" processor (VisitProjection); every write sets absolute values.

CREATE TABLE visit_entry (
    visit_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    visit_no             VARCHAR(20)  NOT NULL,
    unit                 VARCHAR(64)  NOT NULL,
    visited_at           DATE         NOT NULL,
    visitors             VARCHAR(2000) NOT NULL,
    person_name          VARCHAR(200) NOT NULL,
    id_number            VARCHAR(18),
    phone                VARCHAR(32),
    address              VARCHAR(500),
    work_unit_or_address VARCHAR(500),
    demands              TEXT         NOT NULL,
    resolution           TEXT,
    resolution_at        TIMESTAMP WITH TIME ZONE,
    remarks              TEXT,
    case_id              VARCHAR(64),
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by          VARCHAR(64)  NOT NULL,
    corrected_at         TIMESTAMP WITH TIME ZONE,
    corrected_by         VARCHAR(64)
);
CREATE INDEX visit_entry_unit_day ON visit_entry (unit, visited_at);

-- one row per visitor of a visit, for the weekly half-day rule (遍访)
CREATE TABLE visit_visitor (
    visit_id   VARCHAR(64) NOT NULL,
    username   VARCHAR(64) NOT NULL,
    unit       VARCHAR(64) NOT NULL,
    visited_at DATE        NOT NULL,
    PRIMARY KEY (visit_id, username)
);
CREATE INDEX visit_visitor_user ON visit_visitor (username, visited_at);

CREATE TABLE rota_entry (
    unit      VARCHAR(64)  NOT NULL,
    rota_date DATE         NOT NULL,
    leader    VARCHAR(64)  NOT NULL,
    reason    VARCHAR(500),
    PRIMARY KEY (unit, rota_date)
);

CREATE TABLE reception_entry (
    reception_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    unit           VARCHAR(64)  NOT NULL,
    reception_date DATE         NOT NULL,
    leader         VARCHAR(64)  NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    person_name    VARCHAR(200) NOT NULL,
    id_number      VARCHAR(18),
    phone          VARCHAR(32),
    address        VARCHAR(500),
    headcount      INTEGER      NOT NULL,
    demands        TEXT         NOT NULL,
    case_id        VARCHAR(64),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL
);
CREATE INDEX reception_entry_unit_day ON reception_entry (unit, reception_date);

-- the petitioner and units of every case, for the coverage (遍访) of a unit's petitioners; written in
-- the registering transaction, so a case registered a moment ago counts at once
CREATE TABLE visit_case_person (
    case_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    unit            VARCHAR(64)  NOT NULL,
    first_unit      VARCHAR(64)  NOT NULL,
    petitioner_name VARCHAR(200) NOT NULL,
    id_number       VARCHAR(18),
    phone           VARCHAR(32),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX visit_case_person_unit ON visit_case_person (unit);
