package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers the planned corrective actions (owner, due date), tracked until done. */
@Component("registerCorrectiveActions")
class RegisterCorrectiveActionsDelegate implements JavaDelegate {

    private final CorrectiveActionService corrective;

    RegisterCorrectiveActionsDelegate(CorrectiveActionService corrective) {
        this.corrective = corrective;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectiveCase correctiveCase = CorrectiveCases.of(execution, corrective);
        corrective.registerPlannedActions(correctiveCase, IncidentVariables.PLANNED_ACTIONS.orNull(execution));
    }
}
