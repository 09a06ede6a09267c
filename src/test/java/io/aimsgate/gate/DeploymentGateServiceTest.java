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
    GateDecisionRepository decisions = mock(GateDecisionRepository.class);
    GateEventRepository events = mock(GateEventRepository.class);
    InventoryService inventory = mock(InventoryService.class);
    java.util.List<Object> published = new java.util.ArrayList<>();
    DeploymentGateService gate = new DeploymentGateService(requests, decisions, events, inventory,
            mock(RiskAssessmentService.class), java.util.List.of(), java.util.List.of(), informed(),
            published::add, mock(io.aimsgate.evidence.RequiredEvidence.class), Clock.fixed(NOW, ZoneOffset.UTC));

    AiSystem system = mock(AiSystem.class);

    private io.aimsgate.raci.InformedParties informedParties;

    private io.aimsgate.raci.InformedParties informed() {
        informedParties = mock(io.aimsgate.raci.InformedParties.class);
        return informedParties;
    }
    ModelVersion version = mock(ModelVersion.class);
    DeploymentRequest request = request(42L, PI, "olivia", false);

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
    }

    @Test
    void theApproverIsTheLastAccountableApproverRecorded() {
        when(decisions.findFirstByRequestIdAndDecisionAndRaciRoleOrderByDecidedAtDescIdDesc(42L,
                ReviewDecision.APPROVE, RaciRole.ACCOUNTABLE)).thenReturn(Optional.of(new GateDecision(42L, "t-9",
                        TASK_BOARD_SIGNOFF, "deployment-high-risk-signoff", RaciRole.ACCOUNTABLE,
                        ReviewDecision.APPROVE, "Residual risk accepted by the board.", "bea", NOW)));

        gate.approve(42L);

        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.APPROVED);
        assertThat(request.getDecidedBy()).isEqualTo("bea");
        assertThat(request.getDecisionRationale()).isEqualTo("Residual risk accepted by the board.");
        verify(inventory).changeVersionStatus(70L, VersionStatus.APPROVED);
        verify(informedParties).tell(eq("deployment-approval"), eq("Deployment of Credit scoring 1.4.0 approved"),
                org.mockito.ArgumentMatchers.contains("Decided by: bea"));
        assertThat(published).containsExactly(new DeploymentApproved(7L, 70L, "bea"));
    }

    @Test
    void withoutARecordedAccountableApprovalNothingIsApproved() {
        when(decisions.findFirstByRequestIdAndDecisionAndRaciRoleOrderByDecidedAtDescIdDesc(anyLong(), any(), any()))
                .thenReturn(Optional.empty());

        assertThatThrownBy(() -> gate.approve(42L)).isInstanceOf(IllegalStateException.class);
        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.IN_REVIEW);
        assertThat(request.getDecidedBy()).isNull();
        verify(inventory, never()).changeVersionStatus(any(), any());
    }

    @Test
    void theRejectingUserIsTheLastRejectionRecorded() {
        when(decisions.findFirstByRequestIdAndDecisionOrderByDecidedAtDescIdDesc(42L, ReviewDecision.REJECT))
                .thenReturn(Optional.of(new GateDecision(42L, "t-3", TASK_SECURITY_REVIEW,
                        "deployment-security-review", RaciRole.CONSULTED, ReviewDecision.REJECT,
                        "Prompt injection not mitigated.", "sam", NOW)));

        gate.reject(42L);

        assertThat(request.getStatus()).isEqualTo(DeploymentRequestStatus.REJECTED);
        assertThat(request.getDecidedBy()).isEqualTo("sam");
        verify(informedParties).tell(eq("deployment-approval"), eq("Deployment of Credit scoring 1.4.0 rejected"),
                org.mockito.ArgumentMatchers.contains("Decided by: sam"));
        assertThat(request.getDecisionRationale()).isEqualTo("Prompt injection not mitigated.");
        verify(inventory).changeVersionStatus(70L, VersionStatus.REJECTED);
    }

    @Test
    void withoutARecordedRejectionNothingIsRejected() {
        when(decisions.findFirstByRequestIdAndDecisionOrderByDecidedAtDescIdDesc(anyLong(), any()))
                .thenReturn(Optional.empty());

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
    }

    @Test
    void aRejectionIsWhatTheDecisionTableSays() {
        when(decisions.existsByRequestIdAndDecision(42L, ReviewDecision.REJECT)).thenReturn(true);
        when(decisions.existsByRequestIdAndDecision(43L, ReviewDecision.REJECT)).thenReturn(false);

        assertThat(gate.hasRejection(42L)).isTrue();
        assertThat(gate.hasRejection(43L)).isFalse();
    }
}
