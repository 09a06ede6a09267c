-- The gate's risk assessment reads the register from this index alone (issue 7, docs/benchmarks.md): the aggregate
-- counts cells WHERE system_id = ? AND status IN (...) AND current_likelihood IN (...) AND current_impact IN (...), and
-- the worst-first list selects ids with the same conditions. ix_risk_assessment lacked id, which count(r) and the id
-- list need, so PostgreSQL visited every unresolved row in the heap (40 to 90 ms for a system with 100,000 risks).
CREATE INDEX ix_risk_assessment_covering
    ON risk (system_id, status, current_likelihood, current_impact, accepted_by_board, id);
DROP INDEX ix_risk_assessment;
