package io.aimsgate.supplier.internal;

import static io.aimsgate.gate.LifecycleDecisions.RACI_ACTIVITY_PROPERTY;
import static io.aimsgate.gate.LifecycleDecisions.REVIEW_REJECTED;

import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateVariables;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supplier-assessment gate's own steps (A.10.3); opening and rejecting a run are the gate framework's
 * ({@code openLifecycleGate}, {@code rejectLifecycleGate}).
 */
final class SupplierDelegates {

    /** Set by {@code reopenSupplierAssessment}: false when the system was retired or is no longer a third party's. */
    static final ProcessVariable<Boolean> REASSESSMENT_DUE = ProcessVariable.flag("reassessmentDue");

    private SupplierDelegates() {
    }

    /** Stores the due diligence the Responsible submitted (refused, 400, when it breaks the form's rules). */
    @Component("recordSupplierDueDiligence")
    static class RecordDueDiligence implements JavaDelegate {

        private final SupplierAssessments assessments;

        RecordDueDiligence(SupplierAssessments assessments) {
            this.assessments = assessments;
        }

        @Override
        public void execute(DelegateExecution execution) {
            assessments.record(GateVariables.GATE_ID.get(execution), DueDiligence.fromForm(execution),
                    Actors.acting(execution));
        }
    }

    /** The Accountable approved: the run PASSED, current for the re-assessment interval, the Informed told. */
    @Component("passSupplierAssessment")
    static class PassAssessment implements JavaDelegate {

        private final SupplierAssessments assessments;

        PassAssessment(SupplierAssessments assessments) {
            this.assessments = assessments;
        }

        @Override
        public void execute(DelegateExecution execution) {
            assessments.pass(GateVariables.GATE_ID.get(execution),
                    ElementProperties.required(execution.getBpmnModelElementInstance(), RACI_ACTIVITY_PROPERTY));
        }
    }

    /** The interval elapsed: a new run for the re-assessment, unless the system needs none any more. */
    @Component("reopenSupplierAssessment")
    static class ReopenAssessment implements JavaDelegate {

        private final SupplierAssessments assessments;

        ReopenAssessment(SupplierAssessments assessments) {
            this.assessments = assessments;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long systemId = GateVariables.SYSTEM_ID.get(execution);
            if (!assessments.needsAssessment(systemId)) {
                REASSESSMENT_DUE.set(execution, false);
                return;
            }
            GateRun run = assessments.reopen(execution.getProcessInstanceId(), systemId);
            GateVariables.GATE_ID.set(execution, run.getId());
            GateVariables.TRIGGER_DETAIL.set(execution, run.getTriggerDetail());
            execution.setVariable(REVIEW_REJECTED, false);
            REASSESSMENT_DUE.set(execution, true);
        }
    }
}
