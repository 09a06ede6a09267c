package io.aimsgate.gate.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.shared.ProcessVariables;
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
        gates.pass(ProcessVariables.requiredLong(execution, GATE_ID),
                ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY));
    }
}
