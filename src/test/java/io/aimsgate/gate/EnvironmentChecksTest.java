package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check by digest and environment without a database: each environment's rule, expiry and the refusals. */
class EnvironmentChecksTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final String ARTEFACT = "ab".repeat(32);

    DeploymentGateService gate = mock(DeploymentGateService.class);
    InventoryService inventory = mock(InventoryService.class);
    GateRunRepository runs = mock(GateRunRepository.class);
    ModelVersion version = mock(ModelVersion.class);
    AiSystem system = mock(AiSystem.class);
    List<String> holds = new java.util.ArrayList<>();
    EnvironmentChecks checks = new EnvironmentChecks(new PipelineProperties(Map.of(
            "staging", new PipelineProperties.Environment(GateKind.VERIFICATION_AND_VALIDATION, null),
            "production", new PipelineProperties.Environment(GateKind.DEPLOYMENT, Duration.ofDays(30)))),
            gate, inventory, runs, List.of(versionId -> List.copyOf(holds)), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aValidatedVersion() {
        when(inventory.requireVersion(7L, "1.0.0")).thenReturn(version);
        when(inventory.requireSystem(7L)).thenReturn(system);
        when(version.getId()).thenReturn(70L);
        when(version.getArtifactSha256()).thenReturn(ARTEFACT);
        when(version.getStatus()).thenReturn(VersionStatus.DRAFT);
        when(system.getEuAiActTier()).thenReturn(EuAiActTier.MINIMAL);
        GateRun passed = new GateRun(7L, GateKind.VERIFICATION_AND_VALIDATION, "pi-vv", "mia", null, null,
                NOW.minus(Duration.ofDays(3)));
        passed.close(GateRunStatus.PASSED, "oscar", "Validated.", NOW.minus(Duration.ofDays(2)));
        when(runs.findBySystemIdAndKindAndStatus(7L, GateKind.VERIFICATION_AND_VALIDATION, GateRunStatus.PASSED))
                .thenReturn(List.of(passed));
    }

    @Test
    void productionNeedsTheApprovalForExactlyThisDigestWithinItsValidity() {
        approvedAt(NOW.minus(Duration.ofDays(29)));
        EnvironmentDecision allowed = checks.decide(7L, "1.0.0", "sha256:" + ARTEFACT.toUpperCase(), "production");
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.digest()).isEqualTo("sha256:" + ARTEFACT);
        assertThat(allowed.requires()).isEqualTo(GateKind.DEPLOYMENT);
        assertThat(allowed.approvalRequestId()).isEqualTo(5L);
        assertThat(allowed.stateDigest()).isEqualTo("sha256:" + "12".repeat(32));
        assertThat(allowed.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));

        EnvironmentDecision other = checks.decide(7L, "1.0.0", "sha256:" + "cd".repeat(32), "production");
        assertThat(other.allowed()).isFalse();
        assertThat(other.blockingReasons()).singleElement().asString().contains("sha256:" + ARTEFACT);

        approvedAt(NOW.minus(Duration.ofDays(30)));
        EnvironmentDecision expired = checks.decide(7L, "1.0.0", "sha256:" + ARTEFACT, "production");
        assertThat(expired.allowed()).isFalse();
        assertThat(expired.blockingReasons()).singleElement().asString().contains("expired at " + NOW);
    }

    @Test
    void productionRefusesWhateverTheGatesOwnCheckRefuses() {
        when(gate.decide(7L, "1.0.0")).thenReturn(new DeploymentDecision(7L, "1.0.0", ARTEFACT,
                VersionStatus.REAPPROVAL_REQUIRED, false, List.of("Version '1.0.0' is REAPPROVAL_REQUIRED, not "
                + "APPROVED."), 5L, "oscar", NOW.minus(Duration.ofDays(1)), NOW, null));
        EnvironmentDecision refused = checks.decide(7L, "1.0.0", "sha256:" + ARTEFACT, "production");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.blockingReasons()).containsExactly("Version '1.0.0' is REAPPROVAL_REQUIRED, not APPROVED.");
    }

    @Test
    void stagingNeedsTheSystemsValidationAndNoHold() {
        EnvironmentDecision allowed = checks.decide(7L, "1.0.0", "sha256:" + ARTEFACT, "staging");
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.decidedAt()).isEqualTo(NOW.minus(Duration.ofDays(2)));
        assertThat(allowed.expiresAt()).as("no validity configured").isNull();

        holds.add("Suspended by incident 3.");
        when(version.getStatus()).thenReturn(VersionStatus.SUSPENDED);
        assertThat(checks.decide(7L, "1.0.0", "sha256:" + ARTEFACT, "staging").blockingReasons())
                .containsExactly("Version '1.0.0' is SUSPENDED.", "Suspended by incident 3.");

        holds.clear();
        when(version.getStatus()).thenReturn(VersionStatus.DRAFT);
        when(runs.findBySystemIdAndKindAndStatus(7L, GateKind.VERIFICATION_AND_VALIDATION, GateRunStatus.PASSED))
                .thenReturn(List.of());
        assertThat(checks.decide(7L, "1.0.0", "sha256:" + ARTEFACT, "staging").blockingReasons())
                .singleElement().asString().contains("has not passed the verification & validation gate");
    }

    @Test
    void malformedDigestsAndUnknownEnvironmentsAreRefusedNamingTheParameter() {
        for (String digest : new String[] {ARTEFACT, "sha256:" + ARTEFACT.substring(1), "sha512:" + ARTEFACT,
                "sha256:" + ARTEFACT + "0", "sha256:" + ARTEFACT.substring(1) + "z", " sha256:" + ARTEFACT, ""}) {
            assertThatThrownBy(() -> checks.decide(7L, "1.0.0", digest, "production"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("digest"));
        }
        for (String environment : new String[] {"moon", "Production", "", " production"}) {
            assertThatThrownBy(() -> checks.decide(7L, "1.0.0", "sha256:" + ARTEFACT, environment))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("environment"));
        }
        assertThatThrownBy(() -> EnvironmentChecks.requireBoth(null, "production"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("digest"));
        assertThatThrownBy(() -> EnvironmentChecks.requireBoth("sha256:" + ARTEFACT, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("environment"));
    }

    @Test
    void environmentsAreCheckedWhenTheConfigurationIsRead() {
        assertThatThrownBy(() -> new PipelineProperties.Environment(GateKind.INCEPTION, null))
                .hasMessageContaining("VERIFICATION_AND_VALIDATION or DEPLOYMENT");
        assertThatThrownBy(() -> new PipelineProperties.Environment(GateKind.DEPLOYMENT, Duration.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new PipelineProperties(Map.of("Prod uction", new PipelineProperties.Environment(
                GateKind.DEPLOYMENT, null)))).hasMessageContaining("not a valid environment name");
        assertThat(new PipelineProperties(null).environments()).isEmpty();
    }

    @Test
    void aSignedDecisionExpiresAtTheFirstBoundAndNeverStandsUnbounded() {
        Instant issued = NOW;
        Instant environment = NOW.plus(Duration.ofDays(30));
        Instant acceptance = NOW.plus(Duration.ofDays(10));
        assertThat(DeploymentAttestations.expiry(environment, acceptance, issued)).isEqualTo(acceptance);
        assertThat(DeploymentAttestations.expiry(environment, null, issued)).isEqualTo(environment);
        assertThat(DeploymentAttestations.expiry(null, acceptance, issued)).isEqualTo(acceptance);
        assertThat(DeploymentAttestations.expiry(null, null, issued))
                .isEqualTo(issued.plus(DeploymentAttestations.UNBOUNDED_ATTESTATION));
    }

    private void approvedAt(Instant approvedAt) {
        when(gate.decide(7L, "1.0.0")).thenReturn(new DeploymentDecision(7L, "1.0.0", ARTEFACT,
                VersionStatus.APPROVED, true, List.of(), 5L, "oscar", approvedAt, NOW, "sha256:" + "12".repeat(32)));
    }
}
