package io.aimsgate.evidence;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.shared.ledger.Snapshots;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Letting evidence lapse is a decision: {@code EVIDENCE_EXPIRY_ACKNOWLEDGED} goes to the decision ledger, in the
 * completion's transaction, with the rationale, the deciding user (the ledger takes the authenticated one) in the
 * Responsible role, and the file and revision that will expire.
 */
@Component("recordEvidenceExpiryAcknowledged")
class RecordEvidenceExpiryAcknowledgedDelegate implements JavaDelegate {

    static final String KIND = "EVIDENCE_EXPIRY_ACKNOWLEDGED";

    private final DecisionLedger ledger;

    RecordEvidenceExpiryAcknowledgedDelegate(DecisionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.append(new LedgerRecord(KIND, "RESPONSIBLE", (String) execution.getVariable("subjectType"),
                (String) execution.getVariable("subjectId"), ((Number) execution.getVariable("systemId")).longValue(),
                (String) execution.getVariable("rationale"), execution.getProcessInstanceId(), null,
                Snapshots.of("fileId", ((Number) execution.getVariable("fileId")).longValue(), "revision",
                        ((Number) execution.getVariable("revision")).intValue(), "fileName",
                        execution.getVariable("fileName"), "expiresOn", execution.getVariable("expiresOn"))));
    }
}
