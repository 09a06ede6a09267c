package io.aimsgate.policy.internal;

import static io.aimsgate.policy.PolicyApprovalProcess.*;

import io.aimsgate.policy.PolicyCommands.PolicyDraft;
import io.aimsgate.policy.PolicyService;
import io.aimsgate.raci.TaskActors;
import io.aimsgate.shared.ProcessVariable;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The task listeners of {@code processes/policy-approval.bpmn} that carry content into the policy tables. */
final class PolicyTaskListeners {

    private PolicyTaskListeners() {
    }

    /** The revision task delivers the new text of a scheduled revision (before the gate's decision listener). */
    @Component("policyRevisionListener")
    static class Revision implements TaskListener {

        private final PolicyService policies;

        Revision(PolicyService policies) {
            this.policies = policies;
        }

        @Override
        public void notify(DelegateTask task) {
            PolicyDraft draft = new PolicyDraft(ProcessVariable.text(BODY).orNull(task),
                    ProcessVariable.text(CHANGE_SUMMARY).orNull(task));
            policies.revise(task.getProcessInstanceId(), draft);
            task.setVariable(CURRENT_BODY, draft.body());
            task.removeVariable(BODY);
        }
    }

    /**
     * An acknowledgement task is completed only by the person it is assigned to, who confirms having read the
     * version; the acknowledgement is recorded with its time and in the ledger.
     */
    @Component("policyAcknowledgementListener")
    static class Acknowledgement implements TaskListener {

        private final PolicyService policies;

        Acknowledgement(PolicyService policies) {
            this.policies = policies;
        }

        @Override
        public void notify(DelegateTask task) {
            String actor = TaskActors.actingUser(task);
            if (task.getAssignee() == null || !task.getAssignee().equals(actor)) {
                throw new io.aimsgate.raci.GovernanceRuleViolation(actor + " cannot acknowledge the policy for "
                        + task.getAssignee() + ": everyone acknowledges for themselves.");
            }
            if (!Boolean.TRUE.equals(task.getVariable(ACKNOWLEDGED))) {
                throw new BadUserRequestException("'" + ACKNOWLEDGED + "' must be true: confirm that you have read "
                        + "the policy");
            }
            task.removeVariable(ACKNOWLEDGED);
            policies.acknowledge(task.getProcessInstanceId(), actor);
        }
    }
}
