package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.shared.ProcessVariable;
import java.util.List;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * First step of a re-approval (message start {@code DeploymentReapprovalRequired}): registers the new run and request
 * for the version, and writes what the review forms show: the version, the material change that invalidated its
 * approval and the difference between the approved state and the state now ({@code stateDifference}, Markdown lines).
 * Everything but the version's id comes from our tables.
 */
@Component("registerDeploymentReapproval")
class RegisterReapprovalDelegate implements JavaDelegate {

    private final DeploymentGateService gate;
    private final DeploymentApprovals approvals;

    RegisterReapprovalDelegate(DeploymentGateService gate, DeploymentApprovals approvals) {
        this.gate = gate;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long versionId = ProcessVariable.id(VERSION_ID).get(execution);
        DeploymentRequest request = gate.registerReapproval(execution.getProcessInstanceId(), versionId);
        ModelVersion version = gate.versionOf(request);
        execution.setVariable(SYSTEM_ID, request.getSystemId());
        execution.setVariable(VERSION_LABEL, version.getVersionLabel());
        execution.setVariable(SYSTEM_NAME, gate.systemOf(request).getName());
        // The change itself (the request's note says "Re-approval: " before it; the form's sentence says so already).
        execution.setVariable(REAPPROVAL_REASON, approvals.latest(versionId)
                .map(DeploymentApproval::getInvalidationReason).orElseThrow());
        execution.setVariable(STATE_DIFFERENCE, markdown(approvals.differencesSinceApproval(versionId)));
        ControlVariables.restore(execution, request, gate);
    }

    /** One Markdown list item per difference. */
    static String markdown(List<String> differences) {
        if (differences.isEmpty()) {
            return "No difference in the state the approval was bound to.";
        }
        StringBuilder text = new StringBuilder();
        differences.forEach(line -> text.append("- ").append(line).append('\n'));
        return text.toString().strip();
    }
}
