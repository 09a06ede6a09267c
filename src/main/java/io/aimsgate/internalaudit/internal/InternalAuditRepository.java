package io.aimsgate.internalaudit.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InternalAuditRepository extends JpaRepository<InternalAudit, Long> {

    List<InternalAudit> findByProgrammeYearOrderByPlannedStartAscIdAsc(int programmeYear);

    Optional<InternalAudit> findByProcessInstanceId(String processInstanceId);
}
