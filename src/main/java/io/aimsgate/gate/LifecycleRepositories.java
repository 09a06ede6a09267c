package io.aimsgate.gate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LifecycleGateRepository extends JpaRepository<LifecycleGate, Long> {

    Optional<LifecycleGate> findFirstByProcessInstanceIdAndStatusOrderByIdDesc(String processInstanceId,
            LifecycleGateStatus status);

    boolean existsBySystemIdAndGateAndStatus(Long systemId, LifecycleGateKind gate, LifecycleGateStatus status);

    List<LifecycleGate> findBySystemIdAndGateAndStatus(Long systemId, LifecycleGateKind gate,
            LifecycleGateStatus status);

    List<LifecycleGate> findBySystemIdOrderByStartedAtAscIdAsc(Long systemId);

    List<LifecycleGate> findByStatusOrderById(LifecycleGateStatus status);

    @Query("select distinct g.gate from LifecycleGate g where g.systemId = ?1 and g.status = io.aimsgate.gate.LifecycleGateStatus.PASSED")
    List<LifecycleGateKind> passedGates(Long systemId);
}

interface LifecycleDecisionRepository extends JpaRepository<LifecycleDecision, Long> {

    boolean existsByTaskId(String taskId);

    List<LifecycleDecision> findByGateIdOrderByDecidedAtAscIdAsc(Long gateId);
}
