package io.aimsgate.risk;

import static io.aimsgate.risk.RiskAcceptanceProcess.ACCEPTED_AT;
import static io.aimsgate.risk.RiskAcceptanceProcess.RISK_ID;

import io.aimsgate.shared.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The expiry timer of risk-acceptance.bpmn has fired: the acceptance lapses and the risk is unresolved again. */
@Component("lapseRiskAcceptance")
class LapseRiskAcceptanceDelegate implements JavaDelegate {

    private final RiskService risks;

    LapseRiskAcceptanceDelegate(RiskService risks) {
        this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        risks.expireAcceptance(ProcessVariable.id(RISK_ID).get(execution),
                ProcessVariable.text(ACCEPTED_AT).get(execution));
    }
}
