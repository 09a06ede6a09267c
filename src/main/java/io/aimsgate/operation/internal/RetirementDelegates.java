package io.aimsgate.operation.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.GateActors;
import io.aimsgate.operation.OperationService;
import io.aimsgate.operation.RetirementPlan;
import io.aimsgate.shared.FormValues;
import io.aimsgate.shared.ProcessVariables;
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
            RetirementPlan.Reason reason = FormValues.choice(execution, "retirementReason", RetirementPlan.Reason.class);
            String replacedBy = FormValues.optionalText(execution, "replacedBy", 200);
            if (reason == RetirementPlan.Reason.REPLACED && replacedBy == null) {
                throw new org.camunda.bpm.engine.BadUserRequestException(
                        "'replacedBy' is required when the system is retired because it was replaced");
            }
            operation.recordPlan(new RetirementPlan(ProcessVariables.requiredLong(execution, GATE_ID), reason,
                    replacedBy, FormValues.text(execution, "dataRetentionPlan", 10, 4000),
                    FormValues.text(execution, "deletionPlan", 10, 4000),
                    FormValues.text(execution, "dependentSystems", 2, 4000), GateActors.actingUser(execution),
                    operation.now()));
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
            operation.retire(ProcessVariables.requiredLong(execution, GATE_ID),
                    ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY));
        }
    }
}
