package io.aimsgate.internalaudit.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditItemRepository extends JpaRepository<AuditItem, Long> {

    List<AuditItem> findByAuditIdOrderByIdAsc(Long auditId);

    Optional<AuditItem> findByAuditIdAndControlId(Long auditId, String controlId);
}
