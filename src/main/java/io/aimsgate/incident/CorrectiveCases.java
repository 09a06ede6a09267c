package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import io.aimsgate.shared.ProcessVariables;
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
        SubjectType subjectType;
        try {
            subjectType = SubjectType.valueOf(String.valueOf(scope.getVariable(SUBJECT_TYPE)));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("'subjectType' must be INCIDENT or NONCONFORMITY");
        }
        return service.caseOf(processInstanceId, subjectType, ProcessVariables.requiredLong(scope, SUBJECT_ID));
    }
}
