-- issue 17: one data key per person (and a new one if the person comes back after their key was
-- shredded). The personal fields of events are encrypted under it (AES-GCM); the key itself is
-- stored wrapped (AES-GCM) by the master key (CASES_MASTER_KEY), never in clear. Shredding clears
-- wrapped_key and keeps the row: who shredded it, when, and why.
CREATE TABLE person_data_key (
    key_id        VARCHAR(80)  NOT NULL PRIMARY KEY,
    person_id     VARCHAR(64)  NOT NULL,
    wrapped_key   VARCHAR(200),
    master_key_id VARCHAR(32),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    shredded_at   TIMESTAMP WITH TIME ZONE,
    shredded_by   VARCHAR(64),
    shred_reason  VARCHAR(2000)
);
CREATE INDEX person_data_key_person ON person_data_key (person_id);
