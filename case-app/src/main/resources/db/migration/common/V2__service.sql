-- The service's own tables: units and users (managed by an ADMIN), the record of every
-- administrative change, case numbers per year, idempotency keys, and the log of every reading
-- of unmasked personal data.

CREATE TABLE unit (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    parent     VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64)  NOT NULL
);

CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    unit          VARCHAR(64),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE admin_audit (
    id       BIGSERIAL    NOT NULL PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor    VARCHAR(64)  NOT NULL,
    action   VARCHAR(40)  NOT NULL,
    target   VARCHAR(200) NOT NULL,
    detail   VARCHAR(2000)
);

CREATE TABLE case_number (
    case_year INTEGER NOT NULL PRIMARY KEY,
    last_no   BIGINT  NOT NULL
);

-- Keys are each user's own: another user's key never returns (or reveals) someone else's case.
CREATE TABLE idempotency_key (
    username     VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    case_id      VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, idem_key)
);

CREATE TABLE personal_data_access (
    id       BIGSERIAL   NOT NULL PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    username VARCHAR(64) NOT NULL,
    role     VARCHAR(20) NOT NULL,
    case_id  VARCHAR(64) NOT NULL,
    purpose  VARCHAR(40) NOT NULL
);
CREATE INDEX personal_data_access_case ON personal_data_access (case_id);
