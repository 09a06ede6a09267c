package io.aimsgate.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectiveActionRepository extends JpaRepository<CorrectiveAction, Long> {

    List<CorrectiveAction> findByCaseIdOrderById(Long caseId);

    long countByCaseIdAndStatusNot(Long caseId, CorrectiveActionStatus status);
}
