package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the root-cause analysis: method, causes, contributing factors. */
@Component("recordRootCause")
class RecordRootCauseDelegate implements JavaDelegate {

    private final CorrectiveActionService corrective;

    RecordRootCauseDelegate(CorrectiveActionService corrective) {
        this.corrective = corrective;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectiveCase correctiveCase = CorrectiveCases.of(execution, corrective);
        corrective.recordRootCause(correctiveCase, IncidentVariables.ROOT_CAUSE_METHOD.orNull(execution), IncidentVariables.ROOT_CAUSES.orNull(execution), IncidentVariables.CONTRIBUTING_FACTORS.orNull(execution));
    }
}
