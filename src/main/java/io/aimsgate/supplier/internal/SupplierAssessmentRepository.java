package io.aimsgate.supplier.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierAssessmentRepository extends JpaRepository<SupplierAssessment, Long> {

    List<SupplierAssessment> findBySystemIdOrderByAssessedAtAscGateRunIdAsc(Long systemId);
}
