-- 检举控告类 (条例 第三十条): which cases accuse which unit, written in the same transaction as the
-- registration, so that every endpoint can keep such a case from the accused unit (and the units under
-- it) before it touches the case, without waiting for a read model.
CREATE TABLE accusation (
    case_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    accused_unit VARCHAR(64) NOT NULL
);
