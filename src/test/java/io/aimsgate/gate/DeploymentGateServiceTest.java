package io.aimsgate.gate;

import static io.aimsgate.gate.DelegateExecutions.request;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.risk.RiskAssessmentService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the gate decides from its own tables rather than from process variables: the tier fixed at
 * registration, the approver and the rejecting user taken from the recorded decisions.
 */
class DeploymentGateServiceTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final String PI = "pi-1";

    DeploymentRequestRepository requests = mock(DeploymentRequestRepository.class);
    GateRunRepository runs = mock(GateRunRepository.class);
    GateDecisionRepository decisionTable = mock(GateDecisionRepository.class);
    GateEventRepository events = mock(GateEventRepository.class);
    InventoryService inventory = mock(InventoryService.class);
    java.util.List<Object> published = new java.util.ArrayList<>();
    GateDecisions decisions = new GateDecisions(runs, decisionTable, published::add, Clock.fixed(NOW, ZoneOffset.UTC),
            BoundApprovalFixtures.ledger());
    DeploymentGateService gate = new DeploymentGateService(requests, decisions, events, inventory,
            mock(RiskAssessmentService.class), java.util.List.of(), java.util.List.of(), informed(),
            published::add, mock(io.aimsgate.evidence.RequiredEvidence.class), Clock.fixed(NOW, ZoneOffset.UTC),
            mock(io.aimsgate.shared.ledger.DecisionLedger.class), BoundApprovalFixtures.states(),
            BoundApprovalFixtures.approvals());

    AiSystem system = mock(AiSystem.class);

    private io.aimsgate.raci.InformedParties informedParties;

    private io.aimsgate.raci.InformedParties informed() {
        informedParties = mock(io.aimsgate.raci.InformedParties.class);
        return informedParties;
    }
    ModelVersion version = mock(ModelVersion.class);
    DeploymentRequest request = request(42L, PI, "olivia", false);
    GateRun run = new GateRun(7L, GateKind.DEPLOYMENT, PI, "olivia", null, null, NOW);

    @BeforeEach
    void setUp() {
        when(version.getId()).thenReturn(70L);
        when(version.getStatus()).thenReturn(VersionStatus.DRAFT);
        when(inventory.requireVersion(7L, "1.4.0")).thenReturn(version);
        when(inventory.requireVersion(70L)).thenReturn(version);
        when(version.getVersionLabel()).thenReturn("1.4.0");
        when(system.getName()).thenReturn("Credit scoring");
        when(inventory.requireSystem(7L)).thenReturn(system);
        when(requests.findByProcessInstanceId(PI)).thenReturn(Optional.empty());
        when(requests.save(any())).thenAnswer(call -> call.getArgument(0));
        when(requests.findById(42L)).thenReturn(Optional.of(request));
        when(runs.findById(42L)).thenReturn(Optional.of(run));
        when(runs.findOpenRun(PI, GateRunStatus.IN_PROGRESS)).thenReturn(Optional.empty());
        when(runs.save(any())).thenAnswer(call -> call.getArgument(0));
    }

    private static GateDecision recorded(long runId, String taskKey, String activity, RaciRole role, String decision,
            String rationale, String decidedBy) {
        return new GateDecision(runId, "t-" + taskKey, taskKey, activity, role, decision, rationale, decidedBy, NOW);
    }

    @ParameterizedTest
    @EnumSource(value = EuAiActTier.class, names = "UNACCEPTABLE", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheHighTierIsTheHighRiskTierAndItIsFixedAtRegistration(EuAiActTier tier) {
        when(system.getEuAiActTier()).thenReturn(tier);

        DeploymentRequest registered = gate.register(PI, 7L, "1.4.0", "olivia", "Ready for production");

        assertThat(registered.isHighRiskTier()).isEqualTo(tier == EuAiActTier.HIGH);
        assertThat(registered.getSubmittedBy()).isEqualTo("olivia");
        assertThat(registered.getProcessInstanceId()).isEqualTo(PI);
        verify(inventory).changeVersionStatus(70L, VersionStatus.IN_REVIEW);
        verify(runs).save(org.mockito.ArgumentMatchers.argThat(opened -> opened.getKind() == GateKind.DEPLOYMENT
                && opened.getStartedBy().equals("olivia") && opened.getProcessInstanceId().equals(PI)
                && opened.getStatus() == GateRunStatus.IN_PROGRESS));
    }

    @Test
    void theApproverIsTheLastAccountableApproverRecorded() {
        when(decisionTable.findByRun(42L)).thenReturn(List.of(
                recorded(42L, TASK_ACCOUNTABLE_APPROVAL, "deployment-approval", RaciRole.ACCOUNTABLE, "APPROVE",
                        "Owner accepts the residual risk.", "oscar"),
                recorded(42L, TASK_BOARD_SIGNOFF, "deployment-high-risk-signoff", RaciRole.ACCOUNTABLE, "APPROVE",
                        "Residual risk accepted by the board.", "bea"),
                recorded(42L, TASK_SECURITY_REVIEW, "deployment-security-review", RaciRole.CONSULTED, "APPROVE",
                        "A consulted approval after the board.", "sam")));

        gate.approve(42L);

        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.APPROVED);
        assertThat(request.getDecidedBy()).isEqualTo("bea");
        assertThat(request.getDecisionRationale()).isEqualTo("Residual risk accepted by the board.");
        verify(inventory).changeVersionStatus(70L, VersionStatus.APPROVED);
        verify(informedParties).tell(eq("deployment-approval"), eq("Deployment of Credit scoring 1.4.0 approved"),
                org.mockito.ArgumentMatchers.contains("Decided by: bea"));
        assertThat(published).containsExactly(new DeploymentApproved(7L, 70L, "bea"));
        assertThat(run.getStatus()).isEqualTo(GateRunStatus.PASSED);
        assertThat(run.getDecidedBy()).isEqualTo("bea");
    }

    @Test
    void withoutARecordedAccountableApprovalNothingIsApproved() {
        when(decisionTable.findByRun(42L)).thenReturn(List.of(recorded(42L, TASK_SECURITY_REVIEW,
                "deployment-security-review", RaciRole.CONSULTED, "APPROVE", "Consulted approval only.", "sam")));

        assertThatThrownBy(() -> gate.approve(42L)).isInstanceOf(IllegalStateException.class);
        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.IN_REVIEW);
        assertThat(request.getDecidedBy()).isNull();
        assertThat(run.getStatus()).isEqualTo(GateRunStatus.IN_PROGRESS);
        verify(inventory, never()).changeVersionStatus(any(), any());
    }

    @Test
    void theRejectingUserIsTheLastRejectionRecorded() {
        when(decisionTable.findByRun(42L)).thenReturn(List.of(
                recorded(42L, TASK_TECHNICAL_REVIEW, "deployment-technical-review", RaciRole.RESPONSIBLE, "REJECT",
                        "Drift monitoring missing.", "tom"),
                recorded(42L, TASK_SECURITY_REVIEW, "deployment-security-review", RaciRole.CONSULTED, "REJECT",
                        "Prompt injection not mitigated.", "sam")));

        gate.reject(42L);

        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.REJECTED);
        assertThat(request.getDecidedBy()).isEqualTo("sam");
        verify(informedParties).tell(eq("deployment-approval"), eq("Deployment of Credit scoring 1.4.0 rejected"),
                org.mockito.ArgumentMatchers.contains("Decided by: sam"));
        assertThat(request.getDecisionRationale()).isEqualTo("Prompt injection not mitigated.");
        verify(inventory).changeVersionStatus(70L, VersionStatus.REJECTED);
        assertThat(run.getStatus()).isEqualTo(GateRunStatus.REJECTED);
        assertThat(run.getDecidedBy()).isEqualTo("sam");
    }

    @Test
    void withoutARecordedRejectionNothingIsRejected() {
        when(decisionTable.findByRun(42L)).thenReturn(List.of(recorded(42L, TASK_SECURITY_REVIEW,
                "deployment-security-review", RaciRole.CONSULTED, "APPROVE", "Security is fine here.", "sam")));

        assertThatThrownBy(() -> gate.reject(42L)).isInstanceOf(IllegalStateException.class);
        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.IN_REVIEW);
        verify(inventory, never()).changeVersionStatus(any(), any());
    }

    @Test
    void aWithdrawalIsRecordedInTheNameOfTheRegisteredSubmitter() {
        gate.withdraw(42L, "Retraining the model first.");

        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.WITHDRAWN);
        assertThat(request.getDecidedBy()).isEqualTo("olivia");
        assertThat(request.getDecisionRationale()).isEqualTo("Retraining the model first.");
        verify(inventory).changeVersionStatus(70L, VersionStatus.DRAFT);
        assertThat(run.getStatus()).isEqualTo(GateRunStatus.WITHDRAWN);
        assertThat(run.getDecidedBy()).isEqualTo("olivia");
    }

    @Test
    void aRejectionIsWhatTheDecisionTableSays() {
        when(requests.findById(43L)).thenReturn(Optional.of(request(43L, "pi-2", "olivia", false)));
        when(decisionTable.findByRun(42L)).thenReturn(List.of(
                recorded(42L, TASK_TECHNICAL_REVIEW, "deployment-technical-review", RaciRole.RESPONSIBLE, "REJECT",
                        "Drift monitoring missing.", "tom"),
                recorded(42L, TASK_SECURITY_REVIEW, "deployment-security-review", RaciRole.CONSULTED, "APPROVE",
                        "Security is fine here.", "sam")));
        when(decisionTable.findByRun(43L)).thenReturn(List.of(recorded(43L, TASK_SECURITY_REVIEW,
                "deployment-security-review", RaciRole.CONSULTED, "APPROVE", "Security is fine here.", "sam")));

        assertThat(gate.hasRejection(42L)).isTrue();
        assertThat(gate.hasRejection(43L)).isFalse();
    }
}
