package io.aimsgate.risk;

import io.aimsgate.evidence.EvidenceSubjectOwner;
import io.aimsgate.evidence.EvidenceSubjectType;
import io.aimsgate.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Evidence attached to a risk (e.g. test results of its treatment) belongs to the risk's system. */
@Component
class RiskEvidenceSubjects implements EvidenceSubjectOwner {

    private final RiskRepository risks;

    RiskEvidenceSubjects(RiskRepository risks) {
        this.risks = risks;
    }

    @Override
    public EvidenceSubjectType subjectType() {
        return EvidenceSubjectType.RISK;
    }

    @Override
    @Transactional(readOnly = true)
    public long systemOf(long subjectId) {
        return risks.findById(subjectId).map(Risk::getSystemId)
                .orElseThrow(() -> new NotFoundException("subjectId", "No risk " + subjectId + "."));
    }
}
