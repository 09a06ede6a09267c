package io.aimsgate.gate;

import io.aimsgate.evidence.EvidenceSubjectOwner;
import io.aimsgate.evidence.EvidenceSubjectType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Evidence attached to a gate run (of any kind) belongs to the run's system. */
@Component
class GateRunEvidenceSubjects implements EvidenceSubjectOwner {

    /** The repository, not the gate services: a gate service asks the evidence store, which asks this. */
    private final GateRunRepository gates;

    GateRunEvidenceSubjects(GateRunRepository gates) {
        this.gates = gates;
    }

    @Override
    public EvidenceSubjectType subjectType() {
        return EvidenceSubjectType.GATE_RUN;
    }

    @Override
    @Transactional(readOnly = true)
    public long systemOf(long subjectId) {
        // A gate of the management system (the SoA approval) belongs to no system: its evidence is linked to controls.
        return gates.findById(subjectId).map(GateRun::getSystemId).orElseThrow(() ->
                new io.aimsgate.shared.NotFoundException("subjectId", "No gate run " + subjectId
                        + " of an AI system."));
    }
}
