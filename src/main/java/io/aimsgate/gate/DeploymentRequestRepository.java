package io.aimsgate.gate;

import java.util.List;
import java.util.Optional;
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
