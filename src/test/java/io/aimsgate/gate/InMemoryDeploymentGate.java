package io.aimsgate.gate;

import io.aimsgate.raci.RaciRole;
import io.aimsgate.risk.RiskAssessment;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * {@link DeploymentGateService} without a database: our tables as in-memory lists, so a process test sees
 * the gate answer like the real one. Requests are stored per process instance; decisions passed to
 * {@link #recordDecision} are what {@link #hasRejection}, {@link #approve} and {@link #reject} answer from
 * (the approver is the last Accountable APPROVE, the rejecting user the last REJECT, as the real queries).
 * The inventory's answer (is the system of the HIGH tier?) and the risk register's (what blocks it now?)
 * come from the test. Unlike the real service nothing is rolled back when the engine's transaction fails.
 */
class InMemoryDeploymentGate extends DeploymentGateService {

    static final long FIRST_REQUEST_ID = 42L;
    static final long VERSION_ID = 70L;
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final BooleanSupplier highRiskTier;
    private final Function<Long, RiskAssessment> riskRegister;
    private final Map<String, DeploymentRequest> requests = new LinkedHashMap<>();
    private final List<GateDecision> decisions = new ArrayList<>();

    /**
     * @param highRiskTier whether the submitted system is of the EU AI Act HIGH tier, asked once at registration
     * @param riskRegister the assessment of a system's risk register, asked at every assessment
     */
    InMemoryDeploymentGate(BooleanSupplier highRiskTier, Function<Long, RiskAssessment> riskRegister) {
        super(null, null, null, null, null, java.util.List.of(), java.util.List.of(), null, event -> { }, null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        this.highRiskTier = highRiskTier;
        this.riskRegister = riskRegister;
    }

    @Override
    public DeploymentRequest register(String processInstanceId, Long systemId, String versionLabel, String submitter,
            String note) {
        return requests.computeIfAbsent(processInstanceId, id -> {
            DeploymentRequest request = new DeploymentRequest(systemId, VERSION_ID, processInstanceId, submitter,
                    note, highRiskTier.getAsBoolean(), NOW);
            ReflectionTestUtils.setField(request, "id", FIRST_REQUEST_ID + requests.size());
            return request;
        });
    }

    @Override
    public RiskAssessment assess(Long requestId) {
        DeploymentRequest request = require(requestId);
        RiskAssessment assessment = riskRegister.apply(request.getSystemId());
        request.assessed(assessment.unresolvedHighRiskCount(), assessment.assessedAt());
        if (!assessment.blocked() && request.getStatus() == DeploymentRequestStatus.HALTED) {
            request.resumeReview();
        }
        return assessment;
    }

    @Override
    public void halt(Long requestId, List<String> reasons) {
        require(requestId).halt(String.join("\n", reasons));
    }

    @Override
    public void approve(Long requestId) {
        DeploymentRequest request = require(requestId);
        GateDecision accountable = last(requestId, ReviewDecision.APPROVE, RaciRole.ACCOUNTABLE)
                .orElseThrow(() -> new IllegalStateException("Request " + requestId
                        + " has no Accountable approval to record"));
        request.decide(DeploymentRequestStatus.APPROVED, accountable.getDecidedBy(), accountable.getRationale(), NOW);
    }

    @Override
    public void reject(Long requestId) {
        DeploymentRequest request = require(requestId);
        GateDecision rejection = last(requestId, ReviewDecision.REJECT, null)
                .orElseThrow(() -> new IllegalStateException("Request " + requestId + " has no rejection to record"));
        request.decide(DeploymentRequestStatus.REJECTED, rejection.getDecidedBy(), rejection.getRationale(), NOW);
    }

    @Override
    public void withdraw(Long requestId, String note) {
        DeploymentRequest request = require(requestId);
        request.decide(DeploymentRequestStatus.WITHDRAWN, request.getSubmittedBy(), note, NOW);
    }

    @Override
    public void recordDecision(Long requestId, String taskId, String taskKey, String activity, RaciRole role,
            ReviewDecision decision, String rationale, String decidedBy) {
        if (decisions.stream().noneMatch(recorded -> recorded.getTaskId().equals(taskId))) {
            decisions.add(new GateDecision(requestId, taskId, taskKey, activity, role, decision, rationale, decidedBy,
                    NOW));
        }
    }

    @Override
    public boolean hasRejection(Long requestId) {
        return last(requestId, ReviewDecision.REJECT, null).isPresent();
    }

    @Override
    public DeploymentRequest require(Long requestId) {
        return requests.values().stream().filter(request -> request.getId().equals(requestId)).findFirst()
                .orElseThrow(() -> new NotFoundException("requestId", "No deployment request " + requestId + "."));
    }

    @Override
    public DeploymentRequest requireByProcessInstance(String processInstanceId) {
        return Optional.ofNullable(requests.get(processInstanceId))
                .orElseThrow(() -> new NotFoundException("processInstanceId",
                        "No deployment request for process instance " + processInstanceId + "."));
    }

    @Override
    public List<GateDecision> decisionsOf(Long requestId) {
        return decisions.stream().filter(decision -> decision.getRequestId().equals(requestId)).toList();
    }

    /** The latest decision of this kind (by a holder of {@code role}, any role when null). */
    private Optional<GateDecision> last(Long requestId, ReviewDecision kind, RaciRole role) {
        List<GateDecision> matching = decisionsOf(requestId).stream()
                .filter(decision -> decision.getDecision() == kind)
                .filter(decision -> role == null || decision.getRaciRole() == role).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }
}
