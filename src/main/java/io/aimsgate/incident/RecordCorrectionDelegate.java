package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the immediate correction of a nonconformity. */
@Component("recordCorrection")
class RecordCorrectionDelegate implements JavaDelegate {

    private final CorrectiveActionService corrective;

    RecordCorrectionDelegate(CorrectiveActionService corrective) {
        this.corrective = corrective;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectiveCase correctiveCase = CorrectiveCases.of(execution, corrective);
        corrective.recordCorrection(correctiveCase, IncidentVariables.CORRECTION.orNull(execution));
    }
}
