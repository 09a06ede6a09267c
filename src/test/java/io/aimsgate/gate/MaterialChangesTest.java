package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.evidence.EvidenceRevisionStored;
import io.aimsgate.evidence.RequiredEvidence;
import io.aimsgate.inventory.ArtifactReplaced;
import io.aimsgate.risk.RiskChanged;
import io.aimsgate.risk.RiskChanged.Change;
import io.aimsgate.risk.RiskStatus;
import io.aimsgate.risk.Severity;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which changes are material for a bound approval, what they say, and that each invalidates and re-approves. */
class MaterialChangesTest {

    DeploymentGateService gate = mock(DeploymentGateService.class);
    RequiredEvidence requiredEvidence = mock(RequiredEvidence.class);
    RuntimeService runtime = mock(RuntimeService.class);
    PlatformEngineAccess engine = mock(PlatformEngineAccess.class);
    MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class);
    MaterialChanges changes = new MaterialChanges(gate, requiredEvidence, runtime, engine);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(engine.withoutUserAuthorization(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
        when(runtime.createMessageCorrelation(DeploymentApprovalProcess.MESSAGE_REAPPROVAL_REQUIRED))
                .thenReturn(correlation);
        when(correlation.setVariable(any(), any())).thenReturn(correlation);
        when(gate.approvedVersionsOf(7L)).thenReturn(List.of(70L, 71L));
        when(gate.invalidate(any(), anyString(), anyString())).thenReturn(true);
    }

    static RiskChanged risk(Change change, Severity severity, RiskStatus status, boolean rated, boolean before,
            boolean now) {
        return new RiskChanged(7L, 12L, "Prompt injection", change, severity, status, rated, before, now,
                change == Change.ACCEPTANCE_EXPIRED ? "The acceptance by bea expired on 2027-05-23." : null);
    }

    @Test
    void newReRatedAndUnresolvedAgainHighRisksAreMaterial() {
        assertThat(MaterialChanges.reasonOf(risk(Change.RECORDED, Severity.CRITICAL, RiskStatus.OPEN, true, false,
                true))).hasValue("New CRITICAL risk 12 'Prompt injection' recorded (OPEN).");
        assertThat(MaterialChanges.reasonOf(risk(Change.UPDATED, Severity.HIGH, RiskStatus.IN_TREATMENT, true, true,
                true))).hasValue("Risk 12 'Prompt injection' re-rated: now HIGH (IN_TREATMENT).");
        assertThat(MaterialChanges.reasonOf(risk(Change.ACCEPTANCE_EXPIRED, Severity.HIGH, RiskStatus.OPEN, false,
                false, true))).hasValueSatisfying(reason -> assertThat(reason).contains("acceptance of HIGH risk 12")
                .contains("expired on 2027-05-23").contains("unresolved again"));
        assertThat(MaterialChanges.reasonOf(risk(Change.TRANSITIONED, Severity.CRITICAL, RiskStatus.OPEN, false,
                false, true))).hasValue("CRITICAL risk 12 'Prompt injection' is unresolved again (OPEN).");
    }

    @ParameterizedTest
    @EnumSource(value = Severity.class, names = {"LOW", "MEDIUM"})
    void changesToLowerRisksAreNot(Severity severity) {
        for (Change change : Change.values()) {
            assertThat(MaterialChanges.reasonOf(risk(change, severity, RiskStatus.OPEN, true, false, true))).isEmpty();
        }
    }

    @Test
    void closingTreatingOrAcceptingAHighRiskIsNot() {
        assertThat(MaterialChanges.reasonOf(risk(Change.TRANSITIONED, Severity.HIGH, RiskStatus.CLOSED, false, true,
                false))).isEmpty();
        assertThat(MaterialChanges.reasonOf(risk(Change.ACCEPTED, Severity.HIGH, RiskStatus.ACCEPTED, false, true,
                false))).isEmpty();
        assertThat(MaterialChanges.reasonOf(risk(Change.UPDATED, Severity.HIGH, RiskStatus.OPEN, false, true,
                true))).as("an edit that changes no rating").isEmpty();
    }

    @Test
    void aMaterialRiskChangeInvalidatesEveryApprovedVersionOfTheSystemAndStartsTheirReapproval() {
        changes.riskChanged(risk(Change.RECORDED, Severity.CRITICAL, RiskStatus.OPEN, true, false, true));

        verify(gate).invalidate(70L, MaterialChanges.RISK, "New CRITICAL risk 12 'Prompt injection' recorded (OPEN).");
        verify(gate).invalidate(71L, MaterialChanges.RISK, "New CRITICAL risk 12 'Prompt injection' recorded (OPEN).");
        verify(correlation).setVariable(DeploymentApprovalProcess.VERSION_ID, 70L);
        verify(correlation).setVariable(DeploymentApprovalProcess.VERSION_ID, 71L);
    }

    @Test
    void aVersionWithoutACurrentApprovalStartsNoReapproval() {
        when(gate.invalidate(any(), anyString(), anyString())).thenReturn(false);

        changes.artifactReplaced(new ArtifactReplaced(7L, 70L, "1.0.0", "a".repeat(64), "b".repeat(64)));

        verify(gate).invalidate(70L, MaterialChanges.ARTIFACT, "Artefact digest changed: sha256:" + "a".repeat(64)
                + " -> sha256:" + "b".repeat(64) + ".");
        verify(runtime, never()).createMessageCorrelation(any());
    }

    @Test
    void aNewRevisionOfRequiredEvidenceOfTheVersionIsMaterialOtherEvidenceIsNot() {
        EvidenceRevision card = new EvidenceRevision(3, 2, 2, "MODEL_VERSION", "70", "MODEL_CARD", "model-card.md",
                "text/markdown", 10, "c".repeat(64), "mia", Instant.EPOCH, null);
        when(requiredEvidence.isRequired(eq("DEPLOYMENT"), any(), eq(card))).thenReturn(true);
        changes.evidenceStored(new EvidenceRevisionStored(card, 7L));
        verify(gate).invalidate(70L, MaterialChanges.EVIDENCE, "New revision 2 of required evidence MODEL_CARD "
                + "'model-card.md' (sha256:" + "c".repeat(64) + ") by mia.");

        EvidenceRevision systemFile = new EvidenceRevision(4, 3, 1, "SYSTEM", "7", "MODEL_CARD", "other.md",
                "text/markdown", 10, "d".repeat(64), "mia", Instant.EPOCH, null);
        changes.evidenceStored(new EvidenceRevisionStored(systemFile, 7L));
        verify(gate, never()).invalidate(eq(7L), anyString(), anyString());
    }

    @Test
    void aNewIncidentHoldIsMaterial() {
        changes.holdPlaced(new DeploymentHoldPlaced(7L, 70L, "Suspended by incident 5 (SEV2, DATA_POISONING: x)."));

        verify(gate).invalidate(70L, MaterialChanges.INCIDENT_HOLD,
                "New incident hold: Suspended by incident 5 (SEV2, DATA_POISONING: x).");
        verify(correlation).correlateStartMessage();
    }
}
