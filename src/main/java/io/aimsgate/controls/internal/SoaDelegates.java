package io.aimsgate.controls.internal;

import io.aimsgate.controls.SoaVersion;
import io.aimsgate.gate.GateVariables;
import io.aimsgate.shared.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The soa-approval process's service tasks: thin, each one call of {@link SoaApproval}, safe to run twice. */
final class SoaDelegates {

    static final ProcessVariable<String> INITIATOR = ProcessVariable.text("initiator");
    static final ProcessVariable<String> NOTE = ProcessVariable.text("note");
    static final ProcessVariable<Long> SOA_VERSION_ID = ProcessVariable.id("soaVersionId");
    /** Shown on the review and approval forms. */
    static final ProcessVariable<String> SOA_SUMMARY = ProcessVariable.text("soaSummary");

    private SoaDelegates() {
    }

    /** Opens the gate run and freezes the register as a new version; sets gateId, soaVersionId and soaSummary. */
    @Component("openSoaVersion")
    static class Open implements JavaDelegate {

        private final SoaApproval approval;

        Open(SoaApproval approval) {
            this.approval = approval;
        }

        @Override
        public void execute(DelegateExecution execution) {
            SoaVersion version = approval.open(execution.getProcessInstanceId(), INITIATOR.orNull(execution),
                    NOTE.orNull(execution));
            GateVariables.GATE_ID.set(execution, version.gateRunId());
            SOA_VERSION_ID.set(execution, version.id());
            SOA_SUMMARY.set(execution, "Version " + version.versionNo() + ": " + version.applicableEntries().size()
                    + " of " + version.entries().size() + " Annex A controls applicable. " + version.note());
        }
    }

    @Component("approveSoaVersion")
    static class Approve implements JavaDelegate {

        private final SoaApproval approval;

        Approve(SoaApproval approval) {
            this.approval = approval;
        }

        @Override
        public void execute(DelegateExecution execution) {
            approval.approve(SOA_VERSION_ID.get(execution));
        }
    }

    @Component("rejectSoaVersion")
    static class Reject implements JavaDelegate {

        private final SoaApproval approval;

        Reject(SoaApproval approval) {
            this.approval = approval;
        }

        @Override
        public void execute(DelegateExecution execution) {
            approval.reject(SOA_VERSION_ID.get(execution));
        }
    }
}
