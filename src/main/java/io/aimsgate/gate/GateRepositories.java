package io.aimsgate.gate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

// The queries on the gate's and the pipeline check's hot paths are JPQL strings: Hibernate caches their translation,
// while a derived query (a Criteria query) is translated again on every call (see docs/benchmarks.md).
interface DeploymentRequestRepository extends JpaRepository<DeploymentRequest, Long>, RequestByProcessInstance {

    List<DeploymentRequest> findByVersionIdOrderBySubmittedAtDesc(Long versionId);

    boolean existsByVersionIdAndStatusIn(Long versionId, List<DeploymentRequestStatus> statuses);

    /** Versions in review or halted with no open request: left in review with no gate (the consistency check). */
    @Query("""
            select v from ModelVersion v where v.status in :statuses and not exists (
                select r.id from DeploymentRequest r where r.versionId = v.id and r.status in :open)
            order by v.id""")
    List<io.aimsgate.inventory.ModelVersion> versionsWithoutOpenRequest(
            @Param("statuses") List<io.aimsgate.inventory.VersionStatus> statuses,
            @Param("open") List<DeploymentRequestStatus> open);

    @Query("""
            select r from DeploymentRequest r where r.versionId = :versionId and r.status = :status
            order by r.decidedAt desc limit 1""")
    Optional<DeploymentRequest> findFirstByVersionIdAndStatusOrderByDecidedAtDesc(@Param("versionId") Long versionId,
            @Param("status") DeploymentRequestStatus status);
}

interface GateEventRepository extends JpaRepository<GateEvent, Long> {

    List<GateEvent> findByRequestIdOrderByOccurredAt(Long requestId);
}

/** The request of a gate's process instance: read by every listener and delegate of the gate. */
interface RequestByProcessInstance {

    Optional<DeploymentRequest> findByProcessInstanceId(String processInstanceId);
}

/**
 * The process instance id is the request's natural id, so Hibernate remembers which request it names for the rest
 * of the transaction: the listeners and delegates of one engine transaction (a completion that runs the re-assessment
 * and records the approval) read the request once instead of once each.
 */
class RequestByProcessInstanceImpl implements RequestByProcessInstance {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<DeploymentRequest> findByProcessInstanceId(String processInstanceId) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(DeploymentRequest.class)
                .loadOptional(processInstanceId);
    }
}

interface DeploymentApprovalRepository extends JpaRepository<DeploymentApproval, Long> {

    @Query("""
            select a from DeploymentApproval a where a.versionId = :versionId
            order by a.approvedAt desc, a.id desc limit 1""")
    Optional<DeploymentApproval> findLatest(@Param("versionId") Long versionId);

    @Query("select a from DeploymentApproval a where a.versionId = :versionId and a.status = :status order by a.id")
    List<DeploymentApproval> findByVersion(@Param("versionId") Long versionId,
            @Param("status") ApprovalStatus status);

    @Query("select a from DeploymentApproval a where a.systemId = :systemId and a.status = :status order by a.id")
    List<DeploymentApproval> findBySystem(@Param("systemId") Long systemId, @Param("status") ApprovalStatus status);
}
