package io.aimsgate.policy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyDocumentRepository extends JpaRepository<PolicyDocument, Long> {

    Optional<PolicyDocument> findByDocumentKey(String documentKey);

    List<PolicyDocument> findAllByOrderByDocumentKey();
}
