package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lists what still prevents resuming the suspended versions, for the board's decision form. */
@Component("checkResumption")
class CheckResumptionDelegate implements JavaDelegate {

    private final IncidentService incidents;

    CheckResumptionDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> blockers = incidents.resumptionBlockers(
                incidents.requireByProcessInstance(execution.getProcessInstanceId()).getId());
        execution.setVariable(RESUMPTION_BLOCKED, !blockers.isEmpty());
        execution.setVariable(RESUMPTION_BLOCKERS, blockers.isEmpty()
                ? "None: containment is verified and no unresolved high-severity risk remains."
                : String.join("\n", blockers));
    }
}
