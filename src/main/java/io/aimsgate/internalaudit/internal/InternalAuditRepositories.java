package io.aimsgate.internalaudit.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

final class InternalAuditRepositories {

    private InternalAuditRepositories() {
    }

    interface Audits extends JpaRepository<InternalAudit, Long> {

        List<InternalAudit> findByProgrammeYearOrderByPlannedStartAscIdAsc(int programmeYear);

        Optional<InternalAudit> findByProcessInstanceId(String processInstanceId);
    }

    interface Items extends JpaRepository<AuditItem, Long> {

        List<AuditItem> findByAuditIdOrderByIdAsc(Long auditId);

        Optional<AuditItem> findByAuditIdAndControlId(Long auditId, String controlId);
    }
}
