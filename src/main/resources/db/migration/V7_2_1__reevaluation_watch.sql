-- One re-evaluation watch per system in operation (docs/lifecycle-gates.md): the primary key on system_id lets
-- exactly one transaction claim the watch of a system, however many approvals of its versions run at once.
-- process_instance_id is the watching re-evaluation instance; when it has ended (the system was suspended or its
-- retirement requested), the next approval takes the row over by raising generation from the value it read.
CREATE TABLE reevaluation_watch (
    system_id           BIGINT       PRIMARY KEY REFERENCES ai_system (id),
    process_instance_id VARCHAR(64),
    generation          INTEGER      NOT NULL,
    claimed_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Watches started before this table existed: the oldest running re-evaluation instance of each system.
-- (V7_2 made sure the engine's tables exist.)
INSERT INTO reevaluation_watch (system_id, process_instance_id, generation, claimed_at)
SELECT v.LONG_, MIN(e.ID_), 0, CURRENT_TIMESTAMP
FROM ACT_RU_EXECUTION e
JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = e.ID_ AND v.NAME_ = 'systemId'
WHERE e.ID_ = e.PROC_INST_ID_
  AND d.KEY_ = 're-evaluation'
  AND v.LONG_ IN (SELECT id FROM ai_system)
GROUP BY v.LONG_;
