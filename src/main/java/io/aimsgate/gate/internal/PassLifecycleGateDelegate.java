package io.aimsgate.gate.internal;

import io.aimsgate.gate.GateVariables;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.LifecycleGateService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the gate passed in the name of its last Accountable decider and tells the Informed groups. */
@Component("passLifecycleGate")
class PassLifecycleGateDelegate implements JavaDelegate {

    private final LifecycleGateService gates;

    PassLifecycleGateDelegate(LifecycleGateService gates) {
        this.gates = gates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        gates.pass(GateVariables.GATE_ID.get(execution),
                ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY));
    }
}
