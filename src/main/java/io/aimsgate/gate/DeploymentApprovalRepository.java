package io.aimsgate.gate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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
