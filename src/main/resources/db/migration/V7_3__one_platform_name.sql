-- The platform has one name in every record it writes when no user acted: aims-gate-platform (shared.Actors).
-- The life-cycle gates used to write "aims-gate" (a re-evaluation started by the watch's timer, a retirement the
-- platform planned); the incident processes' "system" was refused, never written. Same for H2 and PostgreSQL.
UPDATE gate_run SET started_by = 'aims-gate-platform' WHERE started_by = 'aims-gate';
UPDATE gate_run SET decided_by = 'aims-gate-platform' WHERE decided_by = 'aims-gate';
UPDATE gate_decision SET decided_by = 'aims-gate-platform' WHERE decided_by = 'aims-gate';
UPDATE reevaluation_assessment SET assessed_by = 'aims-gate-platform' WHERE assessed_by = 'aims-gate';
UPDATE retirement_plan SET planned_by = 'aims-gate-platform' WHERE planned_by = 'aims-gate';
