package io.aimsgate.policy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PolicyVersionRepository extends JpaRepository<PolicyVersion, Long> {

    List<PolicyVersion> findByDocumentIdOrderByVersionNumber(Long documentId);

    Optional<PolicyVersion> findByDocumentIdAndVersionNumber(Long documentId, int versionNumber);

    Optional<PolicyVersion> findByProcessInstanceId(String processInstanceId);

    List<PolicyVersion> findByDocumentIdAndStatus(Long documentId, PolicyVersionStatus status);

    @Query("select coalesce(max(v.versionNumber), 0) from PolicyVersion v where v.documentId = ?1")
    int maxVersionNumber(Long documentId);
}
