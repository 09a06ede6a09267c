package io.aimsgate.gate.internal;

import io.aimsgate.gate.GateVariables;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.shared.ProcessVariable;
import io.aimsgate.shared.Actors;
import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.LifecycleDecision;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.LifecycleGateStatus;
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
        Long gateId = GateVariables.GATE_ID.get(execution);
        String activity = ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY);
        String computedReason = ProcessVariable.text(REJECTION_REASON).orNull(execution);
        Optional<LifecycleDecision> decision = gates.lastDecisionOf(gateId, Set.of(REJECT, WITHDRAW));
        boolean withdrawn = decision.map(d -> WITHDRAW.equals(d.getDecision())).orElse(false);
        String decidedBy = decision.map(LifecycleDecision::getDecidedBy).orElse(Actors.PLATFORM);
        String reason = computedReason != null ? computedReason
                : decision.map(LifecycleDecision::getRationale).orElse("Rejected");
        gates.end(gateId, withdrawn ? LifecycleGateStatus.WITHDRAWN : LifecycleGateStatus.REJECTED, decidedBy, reason,
                activity);
    }
}
