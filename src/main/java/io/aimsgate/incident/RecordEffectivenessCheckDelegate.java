package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records whether the corrective actions were effective; an ineffective result sends the case back to root-cause analysis. */
@Component("recordEffectivenessCheck")
class RecordEffectivenessCheckDelegate implements JavaDelegate {

    private final CorrectiveActionService corrective;

    RecordEffectivenessCheckDelegate(CorrectiveActionService corrective) {
        this.corrective = corrective;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object effective = execution.getVariable(EFFECTIVE);
        if (effective == null) {
            throw new BadUserRequestException("State whether the corrective actions were effective");
        }
        boolean isEffective = IncidentVariables.EFFECTIVE.orElse(execution, false);
        corrective.recordEffectiveness(CorrectiveCases.of(execution, corrective), isEffective,
                IncidentVariables.EFFECTIVENESS_EVIDENCE.orNull(execution));
        execution.setVariable(EFFECTIVE, isEffective);
    }
}
