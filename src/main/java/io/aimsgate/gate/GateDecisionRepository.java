package io.aimsgate.gate;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The decisions of every gate run (written only through {@link GateDecisions#record}). */
public interface GateDecisionRepository extends JpaRepository<GateDecision, Long> {

    @Query("select count(d) > 0 from GateDecision d where d.taskId = :taskId")
    boolean existsByTaskId(@Param("taskId") String taskId);

    @Query("select d from GateDecision d where d.runId = :runId order by d.decidedAt, d.id")
    List<GateDecision> findByRun(@Param("runId") Long runId);
}
