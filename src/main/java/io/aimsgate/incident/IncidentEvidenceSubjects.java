package io.aimsgate.incident;

import io.aimsgate.evidence.EvidenceSubjectOwner;
import io.aimsgate.evidence.EvidenceSubjectType;
import io.aimsgate.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Evidence files attached to an incident belong to the incident's system. */
@Component
class IncidentEvidenceSubjects implements EvidenceSubjectOwner {

    private final IncidentRepository incidents;

    IncidentEvidenceSubjects(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @Override
    public EvidenceSubjectType subjectType() {
        return EvidenceSubjectType.INCIDENT;
    }

    @Override
    @Transactional(readOnly = true)
    public long systemOf(long subjectId) {
        return incidents.findById(subjectId).map(Incident::getSystemId)
                .orElseThrow(() -> new NotFoundException("subjectId", "No incident " + subjectId + "."));
    }
}
