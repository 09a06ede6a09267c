package io.aimsgate.lifecycle;

import static io.aimsgate.lifecycle.LifecycleDecisions.*;

import io.aimsgate.shared.Actors;
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
