package io.aimsgate.operation.internal;

import io.aimsgate.gate.GateVariables;
import io.aimsgate.operation.OperationVariables;
import io.aimsgate.operation.ReevaluationFindings;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.shared.Actors;
import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.LifecycleDecision;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.operation.OperationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The re-evaluation gate's steps (clause 9.1, A.6.2.6): the yearly timer's new run, and the Accountable's three
 * outcomes. Each outcome first stores the Responsible engineer's findings the decision was taken on.
 */
final class ReevaluationDelegates {

    static final String FINDINGS = OperationVariables.FINDINGS.name();
    static final String RECOMMENDATION = OperationVariables.RECOMMENDATION.name();

    private ReevaluationDelegates() {
    }

    static Long recordAssessment(DelegateExecution execution, LifecycleGateService gates, OperationService operation) {
        Long gateId = GateVariables.GATE_ID.get(execution);
        String assessedBy = gates.decisionsOf(gateId).stream().filter(d -> SUBMIT.equals(d.getDecision()))
                .map(LifecycleDecision::getDecidedBy).reduce((first, second) -> second).orElse(Actors.PLATFORM);
        operation.recordAssessment(gateId, ReevaluationFindings.fromForm(execution), assessedBy);
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
            String detail = "Yearly re-evaluation due (interval "
                    + OperationVariables.REEVALUATION_INTERVAL.orNull(execution) + ")";
            LifecycleGate gate = gates.open(execution.getProcessInstanceId(), LifecycleGateKind.RE_EVALUATION,
                    GateVariables.SYSTEM_ID.get(execution), Actors.PLATFORM, "YEARLY", detail);
            OperationVariables.TRIGGER.set(execution, "YEARLY");
            GateVariables.TRIGGER_DETAIL.set(execution, detail);
            GateVariables.GATE_ID.set(execution, gate.getId());
            OperationVariables.FINDINGS.remove(execution);
            OperationVariables.RECOMMENDATION.remove(execution);
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
