package io.aimsgate.inventory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ModelVersionRepository extends JpaRepository<ModelVersion, Long> {

    /** JPQL, not derived: on the pipeline check's hot path, and Hibernate caches a JPQL string's translation. */
    @Query("select v from ModelVersion v where v.systemId = :systemId and v.versionLabel = :versionLabel")
    Optional<ModelVersion> findBySystemIdAndVersionLabel(@Param("systemId") Long systemId,
            @Param("versionLabel") String versionLabel);

    boolean existsBySystemIdAndVersionLabel(Long systemId, String versionLabel);

    Page<ModelVersion> findBySystemId(Long systemId, Pageable pageable);

    Page<ModelVersion> findBySystemIdAndStatus(Long systemId, VersionStatus status, Pageable pageable);

    List<ModelVersion> findBySystemIdAndStatusIn(Long systemId, java.util.Collection<VersionStatus> statuses);
}
