package io.aimsgate.incident;

import io.aimsgate.shared.Actors;
import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the case in the name of the Accountable owner who completed the closure task. */
@Component("closeCorrectiveAction")
class CloseCorrectiveActionDelegate implements JavaDelegate {

    private final CorrectiveActionService corrective;

    CloseCorrectiveActionDelegate(CorrectiveActionService corrective) {
        this.corrective = corrective;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectiveCase correctiveCase = CorrectiveCases.of(execution, corrective);
        corrective.close(correctiveCase, Actors.acting(execution), IncidentVariables.CLOSURE_NOTE.orNull(execution));
    }
}
