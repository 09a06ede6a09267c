package io.aimsgate.internalaudit.internal;

import static io.aimsgate.internalaudit.internal.InternalAuditVariables.*;

import io.aimsgate.gate.GateVariables;
import io.aimsgate.shared.Actors;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The internal-audit process's steps (clause 9.2); each reads its variables and calls {@link InternalAudits}. */
final class InternalAuditDelegates {

    private InternalAuditDelegates() {
    }

    /** Opens the audit: independence of the lead auditor and the starter, the checklist, the gate run. */
    @Component("openInternalAudit")
    static class Open implements JavaDelegate {

        private final InternalAudits audits;

        Open(InternalAudits audits) {
            this.audits = audits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            InternalAudit audit = audits.open(execution.getProcessInstanceId(), AUDIT_ID.get(execution),
                    Actors.acting(execution), GateVariables.TRIGGER_DETAIL.orNull(execution));
            GateVariables.GATE_ID.set(execution, audit.getGateRunId());
            AUDIT_TITLE.set(execution, audit.getTitle());
            LEAD_AUDITOR.set(execution, audit.getLeadAuditor());
            CHECKLIST_SUMMARY.set(execution, audits.itemsOf(audit.getId()).stream()
                    .map(item -> item.getControlId() + " " + item.getControlTitle())
                    .collect(Collectors.joining("\n", audit.getChecklistSource() + ":\n", "")));
            execution.setVariable("reviewRejected", false);
        }
    }

    @Component("recordAuditPlan")
    static class RecordPlan implements JavaDelegate {

        private final InternalAudits audits;

        RecordPlan(InternalAudits audits) {
            this.audits = audits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            audits.recordPlan(AUDIT_ID.get(execution), AUDIT_PLAN.orNull(execution));
        }
    }

    /** The findings: how many checklist items are nonconformities (the gateway after it reads the count). */
    @Component("recordAuditFindings")
    static class RecordFindings implements JavaDelegate {

        private final InternalAudits audits;

        RecordFindings(InternalAudits audits) {
            this.audits = audits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long auditId = AUDIT_ID.get(execution);
            audits.requireFieldworkDone(auditId);
            NONCONFORMITY_COUNT.set(execution, audits.nonconformityCount(auditId));
        }
    }

    /** Each nonconformity starts the existing nonconformity process (and with it a corrective action). */
    @Component("raiseAuditNonconformities")
    static class RaiseNonconformities implements JavaDelegate {

        private final InternalAudits audits;

        RaiseNonconformities(InternalAudits audits) {
            this.audits = audits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            audits.raiseNonconformities(AUDIT_ID.get(execution));
        }
    }

    @Component("recordAuditReport")
    static class RecordReport implements JavaDelegate {

        private final InternalAudits audits;

        RecordReport(InternalAudits audits) {
            this.audits = audits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            audits.recordReport(AUDIT_ID.get(execution), REPORT_SUMMARY.orNull(execution), CONCLUSION.orNull(execution));
        }
    }

    /** The board accepted the report: the gate run PASSED, the audit CLOSED, the next occurrence planned. */
    @Component("closeInternalAudit")
    static class Close implements JavaDelegate {

        private final InternalAudits audits;

        Close(InternalAudits audits) {
            this.audits = audits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            audits.close(AUDIT_ID.get(execution), GateVariables.GATE_ID.get(execution));
        }
    }
}
