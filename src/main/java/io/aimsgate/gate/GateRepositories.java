package io.aimsgate.gate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRequestRepository extends JpaRepository<DeploymentRequest, Long> {

    Optional<DeploymentRequest> findByProcessInstanceId(String processInstanceId);

    List<DeploymentRequest> findByVersionIdOrderBySubmittedAtDesc(Long versionId);

    boolean existsByVersionIdAndStatusIn(Long versionId, List<DeploymentRequestStatus> statuses);

    Optional<DeploymentRequest> findFirstByVersionIdAndStatusOrderByDecidedAtDesc(Long versionId,
            DeploymentRequestStatus status);
}

interface GateDecisionRepository extends JpaRepository<GateDecision, Long> {

    boolean existsByTaskId(String taskId);

    List<GateDecision> findByRequestIdOrderByDecidedAt(Long requestId);

    boolean existsByRequestIdAndDecision(Long requestId, ReviewDecision decision);

    Optional<GateDecision> findFirstByRequestIdAndDecisionOrderByDecidedAtDescIdDesc(Long requestId,
            ReviewDecision decision);

    Optional<GateDecision> findFirstByRequestIdAndDecisionAndRaciRoleOrderByDecidedAtDescIdDesc(Long requestId,
            ReviewDecision decision, io.aimsgate.raci.RaciRole role);
}

interface GateEventRepository extends JpaRepository<GateEvent, Long> {

    List<GateEvent> findByRequestIdOrderByOccurredAt(Long requestId);
}
