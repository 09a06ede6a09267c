package io.aimsgate.operation.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.GateActors;
import io.aimsgate.gate.LifecycleDecision;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.operation.OperationService;
import io.aimsgate.shared.FormValues;
import io.aimsgate.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The re-evaluation gate's steps (clause 9.1, A.6.2.6): the yearly timer's new run, and the Accountable's three
 * outcomes. Each outcome first stores the Responsible engineer's findings the decision was taken on.
 */
final class ReevaluationDelegates {

    static final String FINDINGS = "findings";
    static final String RECOMMENDATION = "recommendation";

    /** What the Responsible engineer may recommend; the Accountable's decision offers the same three. */
    enum Recommendation {
        CONTINUE, SUSPEND, RETIRE
    }

    private ReevaluationDelegates() {
    }

    static Long recordAssessment(DelegateExecution execution, LifecycleGateService gates, OperationService operation) {
        Long gateId = ProcessVariables.requiredLong(execution, GATE_ID);
        String assessedBy = gates.decisionsOf(gateId).stream().filter(d -> SUBMIT.equals(d.getDecision()))
                .map(LifecycleDecision::getDecidedBy).reduce((first, second) -> second).orElse(GateActors.PLATFORM);
        operation.recordAssessment(gateId, FormValues.text(execution, FINDINGS, 20, 8000),
                FormValues.choice(execution, RECOMMENDATION, Recommendation.class).name(), assessedBy);
        return gateId;
    }

    static String informedActivity(DelegateExecution execution) {
        return ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY);
    }

    /** The yearly timer fired: a new re-evaluation run opens with trigger YEARLY. */
    @Component("noteYearlyTrigger")
    static class NoteYearlyTrigger implements JavaDelegate {

        private final LifecycleGateService gates;

        NoteYearlyTrigger(LifecycleGateService gates) {
            this.gates = gates;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String detail = "Yearly re-evaluation due (interval " + execution.getVariable(REEVALUATION_INTERVAL) + ")";
            LifecycleGate gate = gates.open(execution.getProcessInstanceId(), LifecycleGateKind.RE_EVALUATION,
                    ProcessVariables.requiredLong(execution, SYSTEM_ID), GateActors.PLATFORM, "YEARLY", detail);
            execution.setVariable(TRIGGER, "YEARLY");
            execution.setVariable(TRIGGER_DETAIL, detail);
            execution.setVariable(GATE_ID, gate.getId());
            execution.removeVariables(java.util.List.of(FINDINGS, RECOMMENDATION));
        }
    }

    @Component("continueOperation")
    static class ContinueOperation implements JavaDelegate {

        private final LifecycleGateService gates;
        private final OperationService operation;

        ContinueOperation(LifecycleGateService gates, OperationService operation) {
            this.gates = gates;
            this.operation = operation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long gateId = recordAssessment(execution, gates, operation);
            operation.continueOperation(gateId, informedActivity(execution));
        }
    }

    @Component("suspendSystem")
    static class SuspendSystem implements JavaDelegate {

        private final LifecycleGateService gates;
        private final OperationService operation;

        SuspendSystem(LifecycleGateService gates, OperationService operation) {
            this.gates = gates;
            this.operation = operation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long gateId = recordAssessment(execution, gates, operation);
            operation.suspend(gateId, informedActivity(execution));
        }
    }

    /** Retire: ends this run and starts the retirement gate by message, with the findings as its trigger. */
    @Component("requestRetirement")
    static class RequestRetirement implements JavaDelegate {

        private final LifecycleGateService gates;
        private final OperationService operation;

        private final io.aimsgate.shared.EngineSystemCalls engine;

        RequestRetirement(LifecycleGateService gates, OperationService operation,
                io.aimsgate.shared.EngineSystemCalls engine) {
            this.gates = gates;
            this.operation = operation;
            this.engine = engine;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long gateId = recordAssessment(execution, gates, operation);
            LifecycleGate gate = operation.requestRetirement(gateId, informedActivity(execution));
            // The platform starts the retirement gate, not the Accountable who decided: they may approve the plan
            // the Responsible writes (segregation of duties excludes the starter and the plan's author).
            engine.withoutUserAuthorization(() -> execution.getProcessEngineServices().getRuntimeService()
                    .createMessageCorrelation(MESSAGE_RETIREMENT_REQUESTED)
                    .setVariable(SYSTEM_ID, gate.getSystemId())
                    .setVariable(TRIGGER_DETAIL, "Re-evaluation " + gateId + " decided to retire the system: "
                            + gate.getOutcome())
                    .correlateStartMessage());
        }
    }
}
