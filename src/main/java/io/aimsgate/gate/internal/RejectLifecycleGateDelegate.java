package io.aimsgate.gate.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.GateActors;
import io.aimsgate.gate.LifecycleDecision;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.LifecycleGateStatus;
import io.aimsgate.shared.ProcessVariables;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ends the gate run without passing it: rejected by a reviewer or approver (their rationale is the reason),
 * withdrawn by the Responsible, or refused outright (a prohibited practice: the reason the model computed).
 */
@Component("rejectLifecycleGate")
class RejectLifecycleGateDelegate implements JavaDelegate {

    private final LifecycleGateService gates;

    RejectLifecycleGateDelegate(LifecycleGateService gates) {
        this.gates = gates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long gateId = ProcessVariables.requiredLong(execution, GATE_ID);
        String activity = ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY);
        String computedReason = ProcessVariables.optionalString(execution, REJECTION_REASON);
        Optional<LifecycleDecision> decision = gates.lastDecisionOf(gateId, Set.of(REJECT, WITHDRAW));
        boolean withdrawn = decision.map(d -> WITHDRAW.equals(d.getDecision())).orElse(false);
        String decidedBy = decision.map(LifecycleDecision::getDecidedBy).orElse(GateActors.PLATFORM);
        String reason = computedReason != null ? computedReason
                : decision.map(LifecycleDecision::getRationale).orElse("Rejected");
        gates.end(gateId, withdrawn ? LifecycleGateStatus.WITHDRAWN : LifecycleGateStatus.REJECTED, decidedBy, reason,
                activity);
    }
}
