-- Issue 14: visit numbers (走访编号) per unit and year, like case numbers.
CREATE TABLE visit_number (
    unit       VARCHAR(64) NOT NULL,
    visit_year INTEGER     NOT NULL,
    last_no    BIGINT      NOT NULL,
    PRIMARY KEY (unit, visit_year)
);
