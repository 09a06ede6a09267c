package io.aimsgate.evidence;

import io.aimsgate.shared.ConflictException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Renewed" is believed only when it is true: a newer revision of the file than the expiring one must exist, or the
 * completion is refused (409, field {@code renewalDecision}) and the task stays open. Records which revision renewed
 * it ({@code renewedByRevision}).
 */
@Component("confirmEvidenceRenewal")
class ConfirmEvidenceRenewalDelegate implements JavaDelegate {

    private final EvidenceService evidence;

    ConfirmEvidenceRenewalDelegate(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long fileId = ((Number) execution.getVariable("fileId")).longValue();
        int expiring = ((Number) execution.getVariable("revision")).intValue();
        EvidenceRevision latest = evidence.latestRevision(fileId);
        if (latest.revision() <= expiring) {
            throw new ConflictException("renewalDecision", "No newer revision of '" + latest.fileName() + "' than "
                    + "revision " + expiring + " has been uploaded: upload it first, or acknowledge that the "
                    + "evidence expires.");
        }
        execution.setVariable("renewedByRevision", latest.revision());
    }
}
