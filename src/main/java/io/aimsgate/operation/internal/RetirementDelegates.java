package io.aimsgate.operation.internal;

import io.aimsgate.gate.GateVariables;
import io.aimsgate.operation.PlannedRetirement;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.shared.Actors;
import io.aimsgate.gate.ElementProperties;
import io.aimsgate.operation.OperationService;
import io.aimsgate.operation.RetirementPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The retirement gate's steps (A.6.2.6, A.7): store the plan; on approval retire every version. */
final class RetirementDelegates {

    private RetirementDelegates() {
    }

    @Component("recordRetirementPlan")
    static class RecordRetirementPlan implements JavaDelegate {

        private final OperationService operation;

        RecordRetirementPlan(OperationService operation) {
            this.operation = operation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            operation.recordPlan(GateVariables.GATE_ID.get(execution), PlannedRetirement.fromForm(execution),
                    Actors.acting(execution));
        }
    }

    @Component("retireSystem")
    static class RetireSystem implements JavaDelegate {

        private final OperationService operation;

        RetireSystem(OperationService operation) {
            this.operation = operation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            operation.retire(GateVariables.GATE_ID.get(execution),
                    ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY));
        }
    }
}
