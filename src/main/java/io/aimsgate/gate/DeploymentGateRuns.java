package io.aimsgate.gate;

import io.aimsgate.raci.GateRuns;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The deployment gate's runs for the engine guard and the consistency check: a request IN_REVIEW or HALTED is open. */
@Component
@Transactional(readOnly = true)
public class DeploymentGateRuns implements GateRuns {

    static final List<DeploymentRequestStatus> OPEN = List.of(DeploymentRequestStatus.IN_REVIEW,
            DeploymentRequestStatus.HALTED);

    private final DeploymentRequestRepository requests;

    DeploymentGateRuns(DeploymentRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public boolean runs(String processDefinitionKey) {
        return DeploymentApprovalProcess.KEY.equals(processDefinitionKey);
    }

    @Override
    public Optional<OpenRun> openRun(String processInstanceId) {
        return requests.findByProcessInstanceId(processInstanceId).filter(r -> OPEN.contains(r.getStatus()))
                .map(DeploymentGateRuns::view);
    }

    @Override
    public List<OpenRun> openRuns() {
        return requests.findByStatusInOrderById(OPEN).stream().map(DeploymentGateRuns::view).toList();
    }

    /** Versions IN_REVIEW or HALTED that no open deployment request holds: in review with no gate. */
    public List<io.aimsgate.inventory.ModelVersion> versionsInReviewWithoutGate() {
        return requests.versionsWithoutOpenRequest(List.of(io.aimsgate.inventory.VersionStatus.IN_REVIEW,
                io.aimsgate.inventory.VersionStatus.HALTED), OPEN);
    }

    @Override
    public java.util.Set<String> excludedDeciders(String processInstanceId) {
        return requests.findByProcessInstanceId(processInstanceId).map(r -> java.util.Set.of(r.getSubmittedBy()))
                .orElse(java.util.Set.of());
    }

    private static OpenRun view(DeploymentRequest request) {
        return new OpenRun("deployment", request.getId(), request.getProcessInstanceId(), request.getSystemId(),
                "deployment request " + request.getId() + " (" + request.getStatus() + ")");
    }
}
