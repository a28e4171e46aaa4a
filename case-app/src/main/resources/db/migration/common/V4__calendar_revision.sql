-- 日历修订: an operator's new or corrected holiday calendar, who loaded it and when, and which
-- open cases have had their time limits recomputed under it (so a revision interrupted by a
-- crash resumes where it stopped).
CREATE TABLE calendar_revision (
    version          VARCHAR(40)  NOT NULL PRIMARY KEY,
    previous_version VARCHAR(40)  NOT NULL,
    content          TEXT         NOT NULL,
    loaded_by        VARCHAR(64)  NOT NULL,
    loaded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_from     DATE,
    status           VARCHAR(20)  NOT NULL,
    cases_total      INTEGER      NOT NULL,
    cases_done       INTEGER      NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE calendar_revision_case (
    version VARCHAR(40) NOT NULL,
    case_id VARCHAR(64) NOT NULL,
    done    BOOLEAN     NOT NULL,
    PRIMARY KEY (version, case_id)
);
