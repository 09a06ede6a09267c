-- The gate's risk assessment without reading the register (issue 7, docs/benchmarks.md). Counting a system's blocking
-- risks with a query costs O(register); at 100,000 risks it scanned about 35,000 index entries and sorted 10,000 rows
-- to name the worst 50. Now:
--   * risk.blocks_if_severe: the risk blocks a deployment if its current cell is HIGH or CRITICAL (status OPEN or
--     IN_TREATMENT, or ACCEPTED without the governance board's authority). Severity is not stored in the condition
--     because it comes from a DMN table that can be redeployed at any time.
--   * risk.current_score: current_likelihood * current_impact, the order in which blocking risks are named.
--   * risk_cell_tally: per system and current (likelihood, impact) cell, how many risks block if that cell is severe,
--     kept by RiskService in the transaction of every write; the assessment sums the cells the deployed matrix rates
--     HIGH or CRITICAL (at most 25 rows of the primary key).
-- Portable SQL for PostgreSQL 14 and H2.

ALTER TABLE risk ADD COLUMN current_score INTEGER;
ALTER TABLE risk ADD COLUMN blocks_if_severe BOOLEAN;
UPDATE risk SET current_score = current_likelihood * current_impact,
    blocks_if_severe = (status IN ('OPEN', 'IN_TREATMENT') OR (status = 'ACCEPTED' AND accepted_by_board = FALSE));
ALTER TABLE risk ALTER COLUMN current_score SET NOT NULL;
ALTER TABLE risk ALTER COLUMN blocks_if_severe SET NOT NULL;
-- Derived columns: the constraints keep a writer that bypasses the entity (a bulk load) from getting them wrong.
ALTER TABLE risk ADD CONSTRAINT ck_risk_current_score CHECK (current_score = current_likelihood * current_impact);
ALTER TABLE risk ADD CONSTRAINT ck_risk_blocks_if_severe CHECK (blocks_if_severe
    = (status IN ('OPEN', 'IN_TREATMENT') OR (status = 'ACCEPTED' AND accepted_by_board = FALSE)));

-- The worst blocking risks first: PostgreSQL reads this index in order and stops after the 50 it names, checking the
-- cell on the index entry (index-only scan), instead of sorting every blocking risk.
CREATE INDEX ix_risk_worst_blocking
    ON risk (system_id, blocks_if_severe, current_score DESC, id, current_likelihood, current_impact);

-- The assessment no longer aggregates the register, so the covering index goes; the register's list filters by
-- system and status and pages by id.
CREATE INDEX ix_risk_system_status ON risk (system_id, status, id);
DROP INDEX ix_risk_assessment_covering;

CREATE TABLE risk_cell_tally (
    system_id          BIGINT  NOT NULL REFERENCES ai_system (id),
    current_likelihood INTEGER NOT NULL,
    current_impact     INTEGER NOT NULL,
    blocking_if_severe BIGINT  NOT NULL,
    CONSTRAINT pk_risk_cell_tally PRIMARY KEY (system_id, current_likelihood, current_impact),
    CONSTRAINT ck_risk_cell_tally_count CHECK (blocking_if_severe >= 0)
);

-- Backfill: all 25 cells of every system (a system gets its rows when it is created, so writes only ever update),
-- each system's rows inserted together so that PostgreSQL reads them from one page. RiskCellTally.rebuild() runs the
-- same statement; a migration must not change with the application's code, hence the copy.
INSERT INTO risk_cell_tally (system_id, current_likelihood, current_impact, blocking_if_severe)
SELECT s.id, l.v, i.v, COALESCE(c.n, 0)
FROM ai_system s
CROSS JOIN (SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) l
CROSS JOIN (SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) i
LEFT JOIN (SELECT system_id, current_likelihood, current_impact, COUNT(*) AS n
           FROM risk WHERE blocks_if_severe = TRUE
           GROUP BY system_id, current_likelihood, current_impact) c
    ON c.system_id = s.id AND c.current_likelihood = l.v AND c.current_impact = i.v
ORDER BY s.id, l.v, i.v;
