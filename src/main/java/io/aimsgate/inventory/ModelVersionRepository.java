package io.aimsgate.inventory;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelVersionRepository extends JpaRepository<ModelVersion, Long> {

    Optional<ModelVersion> findBySystemIdAndVersionLabel(Long systemId, String versionLabel);

    boolean existsBySystemIdAndVersionLabel(Long systemId, String versionLabel);

    Page<ModelVersion> findBySystemId(Long systemId, Pageable pageable);

    Page<ModelVersion> findBySystemIdAndStatus(Long systemId, VersionStatus status, Pageable pageable);
}
