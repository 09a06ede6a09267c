package io.aimsgate.gate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Gate runs of every kind (public for the gate services' unit tests in other packages). */
public interface GateRunRepository extends JpaRepository<GateRun, Long> {

    @Query("""
            select r from GateRun r where r.processInstanceId = :processInstanceId and r.status = :status
            order by r.id desc limit 1""")
    Optional<GateRun> findOpenRun(@Param("processInstanceId") String processInstanceId,
            @Param("status") GateRunStatus status);

    boolean existsBySystemIdAndKindAndStatus(Long systemId, GateKind kind, GateRunStatus status);

    List<GateRun> findBySystemIdAndKindAndStatus(Long systemId, GateKind kind, GateRunStatus status);

    List<GateRun> findBySystemIdOrderByStartedAtAscIdAsc(Long systemId);

    List<GateRun> findByStatusOrderById(GateRunStatus status);

    @Query("select distinct r.kind from GateRun r where r.systemId = :systemId and r.status = :status")
    List<GateKind> kindsWithStatus(@Param("systemId") Long systemId, @Param("status") GateRunStatus status);
}
