package io.aimsgate.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentEvidenceRepository extends JpaRepository<IncidentEvidence, Long> {

    List<IncidentEvidence> findByIncidentIdOrderByAddedAt(Long incidentId);
}
