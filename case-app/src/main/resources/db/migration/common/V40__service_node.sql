-- The service nodes running on this database, each with its last heartbeat: every node balances the
-- event processors' segments against the number of live nodes (SegmentBalancer). A row is removed
-- when its node stops; a killed node's row simply goes stale.
CREATE TABLE service_node (
    node_id      VARCHAR(255)             NOT NULL PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
