package io.aimsgate.gate;

import io.aimsgate.evidence.EvidenceSubjectOwner;
import io.aimsgate.evidence.EvidenceSubjectType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Evidence attached to a life-cycle gate run belongs to the run's system. */
@Component
class GateRunEvidenceSubjects implements EvidenceSubjectOwner {

    /** The repository, not LifecycleGateService: the gate service asks the evidence store, which asks this. */
    private final LifecycleGateRepository gates;

    GateRunEvidenceSubjects(LifecycleGateRepository gates) {
        this.gates = gates;
    }

    @Override
    public EvidenceSubjectType subjectType() {
        return EvidenceSubjectType.GATE_RUN;
    }

    @Override
    @Transactional(readOnly = true)
    public long systemOf(long subjectId) {
        return gates.findById(subjectId).map(LifecycleGate::getSystemId).orElseThrow(() ->
                new io.aimsgate.shared.NotFoundException("subjectId", "No life-cycle gate run " + subjectId + "."));
    }
}
