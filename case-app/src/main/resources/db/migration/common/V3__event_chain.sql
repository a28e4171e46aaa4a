-- Tamper evidence: each event of a case carries a SHA-256 hash chained over the case's previous
-- event, written in the same transaction as the event itself.
CREATE TABLE event_hash (
    aggregate_id VARCHAR(255) NOT NULL,
    seq          BIGINT       NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    global_index BIGINT       NOT NULL,
    hash         VARCHAR(64)  NOT NULL,
    prev_hash    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (aggregate_id, seq)
);
CREATE INDEX event_hash_global ON event_hash (global_index);
