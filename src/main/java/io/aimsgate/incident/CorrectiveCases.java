package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Finds (or opens) the corrective-action case of the sub-process instance a step runs in. */
final class CorrectiveCases {

    private CorrectiveCases() {
    }

    static CorrectiveCase of(org.camunda.bpm.engine.delegate.DelegateExecution execution,
            CorrectiveActionService service) {
        return of(execution, execution.getProcessInstanceId(), service);
    }

    static CorrectiveCase of(VariableScope scope, String processInstanceId, CorrectiveActionService service) {
        return service.caseOf(processInstanceId, IncidentVariables.SUBJECT_TYPE.get(scope),
                IncidentVariables.SUBJECT_ID.get(scope));
    }
}
