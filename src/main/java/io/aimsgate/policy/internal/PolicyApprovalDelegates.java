package io.aimsgate.policy.internal;

import static io.aimsgate.policy.PolicyApprovalProcess.*;

import io.aimsgate.gate.GateDecisions;
import io.aimsgate.policy.PolicyCommands.PolicyDraft;
import io.aimsgate.policy.PolicyService;
import io.aimsgate.policy.PolicyVersion;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.ProcessVariable;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code processes/policy-approval.bpmn}: each reads its variables, calls {@link PolicyService}
 * and writes what the model's next step reads. Each is safe to run twice.
 */
final class PolicyApprovalDelegates {

    static final ProcessVariable<Long> VERSION_ID = ProcessVariable.id(POLICY_VERSION_ID);

    private PolicyApprovalDelegates() {
    }

    /** Opens the gate run of the version (or drafts it from the start form) and names it for the tasks. */
    @Component("openPolicyApproval")
    static class Open implements JavaDelegate {

        private final PolicyService policies;

        Open(PolicyService policies) {
            this.policies = policies;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PolicyDraft formDraft = new PolicyDraft(ProcessVariable.text(BODY).orNull(execution),
                    ProcessVariable.text(CHANGE_SUMMARY).orNull(execution));
            PolicyVersion version = policies.openApproval(execution.getProcessInstanceId(),
                    VERSION_ID.orNull(execution), ProcessVariable.text(DOCUMENT_KEY).orNull(execution), formDraft,
                    Actors.acting(execution));
            execution.setVariable(POLICY_VERSION_ID, version.getId());
            execution.setVariable(GATE_ID, version.getGateRunId());
            execution.setVariable(POLICY_TITLE, policies.documentOf(version).getTitle());
            execution.setVariable(VERSION_NUMBER, (long) version.getVersionNumber());
            execution.setVariable(CURRENT_BODY, version.getBody());
            execution.setVariable(GateDecisions.REVIEW_REJECTED, false);
            if (!execution.hasVariable(REVISION_REQUIRED)) {
                execution.setVariable(REVISION_REQUIRED, false);
            }
        }
    }

    /** The board approved: publishes the version and ends the superseded version's watch. */
    @Component("publishPolicyVersion")
    static class Publish implements JavaDelegate {

        private final PolicyService policies;

        Publish(PolicyService policies) {
            this.policies = policies;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PolicyService.Published published = policies.publish(execution.getProcessInstanceId());
            // the timer of the review is the start of the due day (UTC)
            execution.setVariable(REVIEW_DUE, published.version().getReviewDue().atTime(LocalTime.MIDNIGHT)
                    .atOffset(ZoneOffset.UTC).toString());
            execution.setVariable(REMINDER_CYCLE, policies.reminderCycle());
            published.supersededProcessInstanceId().filter(pid -> !pid.equals(execution.getProcessInstanceId()))
                    .ifPresent(policies::endSuperseded);
        }
    }

    /** A review or the board rejected the version. */
    @Component("rejectPolicyVersion")
    static class Reject implements JavaDelegate {

        private final PolicyService policies;

        Reject(PolicyService policies) {
            this.policies = policies;
        }

        @Override
        public void execute(DelegateExecution execution) {
            policies.reject(execution.getProcessInstanceId());
        }
    }

    /** Reminds whoever has not acknowledged the published version yet. */
    @Component("remindPolicyAcknowledgers")
    static class Remind implements JavaDelegate {

        private final PolicyService policies;

        Remind(PolicyService policies) {
            this.policies = policies;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<String> reminded = policies.remindPending(execution.getProcessInstanceId());
            execution.setVariable("lastReminderCount", (long) reminded.size());
        }
    }

    /** The review is due: drafts the next version and starts its approval, unless one is on its way already. */
    @Component("startPolicyRevision")
    static class StartRevision implements JavaDelegate {

        private final PolicyService policies;

        StartRevision(PolicyService policies) {
            this.policies = policies;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("revisionVersionNumber", policies.startScheduledRevision(
                    execution.getProcessInstanceId()).map(v -> (long) v.getVersionNumber()).orElse(null));
        }
    }
}
