package io.aimsgate.policy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyAcknowledgementRepository extends JpaRepository<PolicyAcknowledgement, Long> {

    List<PolicyAcknowledgement> findByVersionIdOrderByUserId(Long versionId);

    Optional<PolicyAcknowledgement> findByVersionIdAndUserId(Long versionId, String userId);
}
