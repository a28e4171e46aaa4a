-- issue 15: the person registry (信访人). person, person_case, person_case_flag and person_visit are a
-- read model built from the events by the "persons" processor (cleared and rebuilt on reset);
-- person_group (重点群体) is set by hand (PUT /api/persons/{id}/groups) and survives a rebuild.
CREATE TABLE person (
    person_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    id_number   VARCHAR(18),
    id_hash     VARCHAR(64),
    phone       VARCHAR(32),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_id_hash ON person (id_hash);
CREATE INDEX person_phone ON person (phone);

CREATE TABLE person_case (
    case_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    person_id     VARCHAR(36)  NOT NULL,
    case_no       VARCHAR(20)  NOT NULL,
    category      VARCHAR(30)  NOT NULL,
    subject       VARCHAR(500) NOT NULL,
    unit          VARCHAR(64)  NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_case_person ON person_case (person_id, category);

CREATE TABLE person_case_flag (
    case_id VARCHAR(64) NOT NULL,
    flag    VARCHAR(40) NOT NULL,
    PRIMARY KEY (case_id, flag)
);

CREATE TABLE person_visit (
    visit_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    person_id  VARCHAR(36) NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    at_time    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_visit_person ON person_visit (person_id);

CREATE TABLE person_group (
    person_id  VARCHAR(36) NOT NULL,
    group_code VARCHAR(64) NOT NULL,
    set_by     VARCHAR(64) NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, group_code)
);

CREATE TABLE person_case_repeat (
    case_id         VARCHAR(64) NOT NULL,
    earlier_case_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (case_id, earlier_case_id)
);
