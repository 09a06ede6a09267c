package io.aimsgate.gate;

import org.springframework.stereotype.Component;

/** Interim: replaced by the bound approval's state (issue 17, first half) when that is merged. */
@Component
class ApprovedStates {

    private final DeploymentRequestRepository requests;
    private final GateDecisions decisions;

    ApprovedStates(DeploymentRequestRepository requests, GateDecisions decisions) {
        this.requests = requests;
        this.decisions = decisions;
    }

    DeploymentAttestations.Approval approvalOf(Long versionId) {
        DeploymentRequest request = requests.findFirstByVersionIdAndStatusOrderByDecidedAtDesc(versionId,
                DeploymentRequestStatus.APPROVED).orElseThrow();
        return new DeploymentAttestations.Approval(request, null, null, decisions.decisionsOf(request.getGateRunId())
                .stream().filter(d -> GateDecisions.APPROVE.equals(d.getDecision()))
                .map(d -> new DeploymentAttestations.Approver(d.getDecidedBy(), d.getRaciRole() == null ? null
                        : d.getRaciRole().name(), d.getRaciActivity(), d.getTaskKey())).toList(),
                java.util.List.of(), null);
    }
}
