package io.aimsgate.risk;

import static io.aimsgate.risk.RiskAcceptanceProcess.ACCEPTED_AT;
import static io.aimsgate.risk.RiskAcceptanceProcess.RISK_ID;

import io.aimsgate.shared.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reminder timer of risk-acceptance.bpmn has fired: the owner and the board hear of the coming expiry. */
@Component("remindRiskAcceptanceOwner")
class RemindRiskOwnerDelegate implements JavaDelegate {

    private final RiskService risks;

    RemindRiskOwnerDelegate(RiskService risks) {
        this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        risks.remindOwner(ProcessVariable.id(RISK_ID).get(execution), ProcessVariable.text(ACCEPTED_AT).get(execution));
    }
}
