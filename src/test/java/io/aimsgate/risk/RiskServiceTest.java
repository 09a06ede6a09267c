package io.aimsgate.risk;

import static io.aimsgate.raci.RaciGroups.AI_PRODUCT_OWNERS;
import static io.aimsgate.raci.RaciGroups.GOVERNANCE_BOARD;
import static io.aimsgate.raci.RaciGroups.ML_ENGINEERS;
import static io.aimsgate.risk.RiskFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.ForbiddenException;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RiskServiceTest {

    static final Long SYSTEM = 7L;
    static final Long RISK = 5L;
    static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String RATIONALE = "Residual risk within appetite, monitored weekly.";
    /** Within the default twelve months of NOW. */
    static final java.time.LocalDate EXPIRES = java.time.LocalDate.of(2027, 5, 23);
    static final String TREATED = "Input filter deployed and verified against the attack corpus.";

    RiskRepository risks = mock(RiskRepository.class);
    RiskCellTally tally = mock(RiskCellTally.class);
    RiskSeverityService severities = mock(RiskSeverityService.class);
    InventoryService inventory = mock(InventoryService.class);
    java.util.List<Object> published = new java.util.ArrayList<>();
    RiskAcceptanceWatch watch = mock(RiskAcceptanceWatch.class);
    RiskService service = new RiskService(risks, tally, severities, inventory, Clock.fixed(NOW, ZoneOffset.UTC),
            mock(io.aimsgate.shared.ledger.DecisionLedger.class), new RiskAcceptanceProperties(null, null),
            published::add, watch, mock(io.aimsgate.raci.GroupNotifier.class));

    @BeforeEach
    void setUp() {
        when(severities.currentMatrix()).thenReturn(RiskFixtures.defaultMatrix());
        when(risks.save(any(Risk.class))).thenAnswer(call -> call.getArgument(0));
    }

    // ---- acceptance

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "too short", "  too short   "})
    void acceptanceNeedsARationaleOfTenCharacters(String rationale) {
        Risk risk = stored(2, 3, null, null); // MEDIUM

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, rationale, "oscar",
                Set.of(AI_PRODUCT_OWNERS)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rationale"));
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
    }

    @Test
    void aProductOwnerMayAcceptAMediumRisk() {
        Risk risk = stored(2, 3, null, null);

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, "  " + RATIONALE + " ", "oscar", Set.of(AI_PRODUCT_OWNERS));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACCEPTED);
        assertThat(risk.isAcceptedByBoard()).isFalse();
        assertThat(risk.getAcceptedBy()).isEqualTo("oscar");
        assertThat(risk.getAcceptedRole()).isEqualTo(AI_PRODUCT_OWNERS);
        assertThat(risk.getAcceptanceRationale()).isEqualTo(RATIONALE);
        assertThat(risk.getAcceptedAt()).isEqualTo(NOW);
    }

    @Test
    void aProductOwnerMayNotAcceptAHighRisk() {
        Risk risk = stored(4, 4, null, null); // HIGH

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "oscar",
                Set.of(AI_PRODUCT_OWNERS))).isInstanceOf(ForbiddenException.class).hasMessageContaining("HIGH");
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(risk.getAcceptedBy()).isNull();
    }

    @Test
    void theGovernanceBoardMayAcceptACriticalRisk() {
        Risk risk = stored(5, 5, null, null); // CRITICAL

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACCEPTED);
        assertThat(risk.isAcceptedByBoard()).isTrue();
        assertThat(risk.getAcceptedRole()).isEqualTo(GOVERNANCE_BOARD);
        assertThat(risk.getAcceptedBy()).isEqualTo("bea");
    }

    @Test
    void theGovernanceBoardMayAcceptAHighRisk() {
        Risk risk = stored(3, 4, null, null); // HIGH

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD, ML_ENGINEERS));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACCEPTED);
        assertThat(risk.isAcceptedByBoard()).isTrue();
    }

    @Test
    void noOneOutsideProductOwnersAndBoardMayAcceptEvenALowRisk() {
        Risk risk = stored(1, 1, null, null); // LOW

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "tom",
                Set.of(ML_ENGINEERS))).isInstanceOf(ForbiddenException.class);
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
    }

    @Test
    void theResidualSeverityDecidesWhoMayAccept() {
        Risk risk = stored(5, 5, 2, 3, null); // inherent CRITICAL, residual MEDIUM

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "oscar", Set.of(AI_PRODUCT_OWNERS));

        assertThat(risk.getCurrentSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACCEPTED);
    }

    @Test
    void leavingAcceptedClearsTheAcceptance() {
        Risk risk = stored(4, 4, null, null);
        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD));

        service.transition(SYSTEM, RISK, RiskStatus.OPEN, "New evidence of exploitation", "tom", Set.of(ML_ENGINEERS));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(risk.isAcceptedByBoard()).isFalse();
        assertThat(risk.getAcceptedBy()).isNull();
        assertThat(risk.getAcceptanceRationale()).isNull();
        assertThat(risk.getStatusReason()).isEqualTo("New evidence of exploitation");
    }

    // ---- mitigation

    @Test
    void mitigatedNeedsAResidualRating() {
        Risk risk = stored(4, 4, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.MITIGATED, null, "tom", Set.of(ML_ENGINEERS)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("residualLikelihood"));
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
    }

    @Test
    void mitigatedIsRefusedWhileTheResidualIsStillHigh() {
        Risk risk = stored(5, 5, 4, 4, null); // residual HIGH

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.MITIGATED, null, "tom", Set.of(ML_ENGINEERS)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("HIGH");
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
    }

    @Test
    void mitigatedWithALowResidualIsAllowed() {
        Risk risk = stored(5, 5, 1, 2, null);

        service.transition(SYSTEM, RISK, RiskStatus.MITIGATED, null, "tom", Set.of(ML_ENGINEERS));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.MITIGATED);
        assertThat(risk.getStatusReason()).isNull();
        assertThat(risk.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void updatingAMitigatedRiskToAHighResidualIsRefused() {
        Risk risk = stored(5, 5, 1, 2, null);
        service.transition(SYSTEM, RISK, RiskStatus.MITIGATED, null, "tom", Set.of(ML_ENGINEERS));
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.MITIGATED);

        assertThatThrownBy(() -> service.update(SYSTEM, RISK, details(5, 5, 3, 4)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void reRatingAnAcceptedRiskReopensItAndClearsTheAcceptance() {
        Risk risk = stored(2, 5, null, null); // HIGH
        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD));

        service.update(SYSTEM, RISK, details(5, 5, null, null)); // now CRITICAL: the board accepted something else

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(risk.isAcceptedByBoard()).isFalse();
        assertThat(risk.getAcceptedBy()).isNull();
        assertThat(risk.getStatusReason()).isEqualTo("Re-rated after acceptance");
    }

    @Test
    void editingAnAcceptedRiskWithoutChangingItsRatingKeepsTheAcceptance() {
        Risk risk = stored(2, 5, null, null);
        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD));

        service.update(SYSTEM, RISK, details(2, 5, null, null));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACCEPTED);
        assertThat(risk.getAcceptedBy()).isEqualTo("bea");
    }

    // ---- other transitions

    @Test
    void reopeningAClosedRiskNeedsAReason() {
        Risk risk = stored(2, 2, null, RiskStatus.CLOSED);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.OPEN, "because", "tom", Set.of(ML_ENGINEERS)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.CLOSED);

        service.transition(SYSTEM, RISK, RiskStatus.OPEN, "Incident 12 showed it recurs", "tom", Set.of(ML_ENGINEERS));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(risk.getStatusReason()).isEqualTo("Incident 12 showed it recurs");
    }

    @Test
    void anUntreatedHighRiskIsClosedByTheBoardOnly() {
        Risk risk = stored(4, 4, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.CLOSED, RATIONALE, "tom",
                Set.of(ML_ENGINEERS, AI_PRODUCT_OWNERS))).isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.CLOSED, "short", "bea",
                Set.of(GOVERNANCE_BOARD))).isInstanceOf(InvalidInputException.class);

        service.transition(SYSTEM, RISK, RiskStatus.CLOSED, RATIONALE, "bea", Set.of(GOVERNANCE_BOARD));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.CLOSED);
        assertThat(risk.getStatusReason()).isEqualTo(RATIONALE);
    }

    @Test
    void aTreatedRiskMayBeClosedByWhoeverMaintainsRisks() {
        Risk risk = stored(4, 4, 1, 2, null);

        service.transition(SYSTEM, RISK, RiskStatus.CLOSED, RATIONALE, "tom", Set.of(ML_ENGINEERS));

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.CLOSED);
    }

    @Test
    void aResidualRatingBelowHighNeedsAReducingTreatmentAndWhatWasDone() {
        Risk risk = stored(4, 5, null, null);

        assertThatThrownBy(() -> service.update(SYSTEM, RISK, details(4, 5, 2, 2), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("treatmentRecord");
                    assertThat(e.reasons()).anySatisfy(r -> assertThat(r).contains("Record what was done"));
                });
        RiskDetails accepted = new RiskDetails(null, null, "Drift", null, 4, 5, RiskTreatment.ACCEPT, "tom", null,
                2, 2);
        assertThatThrownBy(() -> service.update(SYSTEM, RISK, accepted, TREATED))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reasons()).anySatisfy(r -> assertThat(r).contains("governance board")));
        assertThatThrownBy(() -> service.update(SYSTEM, RISK, details(4, 5, 2, 2), "done"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("treatmentRecord"));

        service.update(SYSTEM, RISK, details(4, 5, 2, 2), TREATED);

        assertThat(risk.getCurrentSeverity()).isEqualTo(Severity.LOW);
        assertThat(risk.getTreatmentRecord()).isEqualTo(TREATED);
        // Editing the text of a treated risk keeps its record; only a new residual rating needs a new one.
        service.update(SYSTEM, RISK, details(4, 5, 2, 2), null);
        assertThat(risk.getTreatmentRecord()).isEqualTo(TREATED);
    }

    @Test
    void closingNeedsAReason() {
        stored(2, 2, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.CLOSED, null, "tom", Set.of(ML_ENGINEERS)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aClosedRiskCannotBeAcceptedDirectly() {
        Risk risk = stored(2, 2, null, RiskStatus.CLOSED);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "bea",
                Set.of(GOVERNANCE_BOARD))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("from CLOSED to ACCEPTED");
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.CLOSED);
    }

    @Test
    void aTransitionToTheCurrentStatusIsAConflict() {
        stored(2, 2, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.OPEN, "Still open, nothing changed",
                "tom", Set.of(ML_ENGINEERS))).isInstanceOf(ConflictException.class).hasMessageContaining("already OPEN");
    }

    @Test
    void treatmentNeedsATreatmentOwner() {
        Risk risk = new Risk(SYSTEM, "olivia", CREATED);
        RiskDetails noOwner = new RiskDetails(null, null, "Drift", null, 3, 4, RiskTreatment.MITIGATE, null, null,
                null, null);
        risk.describe(noOwner, RiskFixtures.defaultMatrix(), CREATED);
        when(risks.findByIdAndSystemId(RISK, SYSTEM)).thenReturn(risk);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.IN_TREATMENT, null, "tom",
                Set.of(ML_ENGINEERS))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.field()).isEqualTo("treatment"));
    }

    @Test
    void anUnknownRiskIsNotFound() {
        assertThatThrownBy(() -> service.transition(SYSTEM, 404L, RiskStatus.CLOSED, RATIONALE, "tom",
                Set.of(ML_ENGINEERS))).isInstanceOf(NotFoundException.class);
    }

    // ---- recording

    @Test
    void recordingRatesInherentResidualAndCurrentSeverity() {
        Risk risk = service.record(SYSTEM, details(4, 5, 2, 2), "olivia", TREATED);

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(risk.getInherentScore()).isEqualTo(20);
        assertThat(risk.getInherentSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(risk.getResidualSeverity()).isEqualTo(Severity.LOW);
        assertThat(risk.getCurrentSeverity()).isEqualTo(Severity.LOW);
        assertThat(risk.getCurrentLikelihood()).isEqualTo(2);
        assertThat(risk.getCreatedBy()).isEqualTo("olivia");
        verify(inventory).requireSystem(SYSTEM);
        verify(risks).save(risk);
    }

    @Test
    void residualLikelihoodAndImpactGoTogether() {
        assertThatThrownBy(() -> service.record(SYSTEM, details(4, 5, 2, null), "olivia"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("residualImpact"));
        assertThatThrownBy(() -> service.record(SYSTEM, details(4, 5, null, 2), "olivia"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("residualLikelihood"));
        verify(risks, never()).save(any());
    }

    // ---- the cell tally

    @Test
    void aRecordedRiskIsTalliedInItsCurrentCell() {
        service.record(SYSTEM, details(4, 5, 3, 2), "olivia", TREATED);

        verify(tally).move(SYSTEM, null, new RiskCell(3, 2));
    }

    @Test
    void reRatingMovesTheRiskBetweenCells() {
        stored(4, 5, null, null);

        service.update(SYSTEM, RISK, details(4, 5, 2, 2), TREATED);

        verify(tally).move(SYSTEM, new RiskCell(4, 5), new RiskCell(2, 2));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "OPEN, IN_TREATMENT, true",
            "IN_TREATMENT, OPEN, true",
            "OPEN, MITIGATED, false",
            "IN_TREATMENT, CLOSED, false",
            "ACCEPTED, IN_TREATMENT, true"})
    void aStatusChangeKeepsOrDropsTheRiskFromTheTally(RiskStatus from, RiskStatus to, boolean stillTallied) {
        stored(4, 5, 1, 1, from == RiskStatus.ACCEPTED ? null : from);
        if (from == RiskStatus.ACCEPTED) {
            service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "oscar", Set.of(AI_PRODUCT_OWNERS));
        }

        service.transition(SYSTEM, RISK, to, RATIONALE, "tom", Set.of(ML_ENGINEERS));

        if (stillTallied) {
            verify(tally, never()).move(any(), any(), isNull());
        } else {
            verify(tally).move(SYSTEM, new RiskCell(1, 1), null);
        }
    }

    @Test
    void acceptanceByTheBoardTakesTheRiskOutOfTheTallyAndReopeningPutsItBack() {
        stored(4, 5, null, null);

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD));
        verify(tally).move(SYSTEM, new RiskCell(4, 5), null);

        service.transition(SYSTEM, RISK, RiskStatus.OPEN, "New evidence of exploitation", "tom", Set.of(ML_ENGINEERS));
        verify(tally).move(SYSTEM, null, new RiskCell(4, 5));
    }

    @Test
    void acceptanceByAProductOwnerLeavesTheRiskInTheTally() {
        stored(2, 3, null, null); // MEDIUM: it would block if a new matrix rated its cell HIGH

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "oscar", Set.of(AI_PRODUCT_OWNERS));

        verify(tally, never()).move(any(), any(), isNull());
    }

    @Test
    void aRefusedChangeLeavesTheTallyAlone() {
        stored(4, 4, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "oscar",
                Set.of(AI_PRODUCT_OWNERS))).isInstanceOf(ForbiddenException.class);

        verifyNoInteractions(tally);
    }

    // ---- acceptance expiry (issue 17)

    @ParameterizedTest
    @CsvSource({"4, 4", "5, 5"})
    void theBoardMustGiveAHighOrCriticalAcceptanceAnExpiry(int likelihood, int impact) {
        Risk risk = stored(likelihood, impact, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, "bea",
                Set.of(GOVERNANCE_BOARD))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("expiresOn"));
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        verifyNoInteractions(watch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2026-11-01", "2027-11-24", "2030-01-01"})
    void anExpiryMustLieAfterTodayAndWithinTheMaximumValidity(String expiresOn) {
        Risk risk = stored(4, 4, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE,
                java.time.LocalDate.parse(expiresOn), "bea", Set.of(GOVERNANCE_BOARD)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("expiresOn"));
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
    }

    @Test
    void theLastDayOfTheMaximumValidityIsAccepted() {
        Risk risk = stored(4, 4, null, null);

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, java.time.LocalDate.of(2027, 11, 23), "bea",
                Set.of(GOVERNANCE_BOARD));

        assertThat(risk.getAcceptanceExpiresOn()).isEqualTo(java.time.LocalDate.of(2027, 11, 23));
    }

    @Test
    void onlyAnAcceptanceTakesAnExpiry() {
        stored(4, 4, null, null);

        assertThatThrownBy(() -> service.transition(SYSTEM, RISK, RiskStatus.CLOSED, RATIONALE, EXPIRES, "bea",
                Set.of(GOVERNANCE_BOARD))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("expiresOn"));
    }

    @Test
    void anAcceptanceWithAnExpiryIsWatchedAndItsEndEndsTheWatch() {
        Risk risk = stored(4, 4, null, null);

        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD));
        verify(watch).start(risk);
        assertThat(risk.getAcceptanceExpiresOn()).isEqualTo(EXPIRES);

        service.transition(SYSTEM, RISK, RiskStatus.OPEN, "New evidence of exploitation", "tom", Set.of(ML_ENGINEERS));
        verify(watch).end(risk);
        assertThat(risk.getAcceptanceExpiresOn()).isNull();
        assertThat(published).last().isEqualTo(new RiskChanged(SYSTEM, null, risk.getTitle(),
                RiskChanged.Change.TRANSITIONED, Severity.HIGH, RiskStatus.OPEN, false, false, true, null));
    }

    @Test
    void atItsExpiryTheAcceptanceLapsesAndTheRiskIsUnresolvedAgain() {
        Risk risk = stored(4, 4, null, null);
        when(risks.findById(RISK)).thenReturn(java.util.Optional.of(risk));
        service.transition(SYSTEM, RISK, RiskStatus.ACCEPTED, RATIONALE, EXPIRES, "bea", Set.of(GOVERNANCE_BOARD));
        String acceptance = RiskAcceptanceWatch.marker(risk);

        assertThat(service.expireAcceptance(RISK, "2026-01-01T00:00:00Z")).as("another acceptance").isFalse();
        assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACCEPTED);
        assertThat(service.expireAcceptance(RISK, acceptance)).isTrue();

        assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(risk.getAcceptedBy()).isNull();
        assertThat(risk.getStatusReason()).contains("bea").contains("2027-05-23");
        verify(tally).move(SYSTEM, null, new RiskCell(4, 4));
        RiskChanged lapsed = (RiskChanged) published.get(published.size() - 1);
        assertThat(lapsed.change()).isEqualTo(RiskChanged.Change.ACCEPTANCE_EXPIRED);
        assertThat(lapsed.blockingNow()).isTrue();
        // twice is once: the acceptance is gone
        assertThat(service.expireAcceptance(RISK, acceptance)).isFalse();
    }

    // ---- fixtures

    private Risk stored(int likelihood, int impact, Integer residualLikelihood, RiskStatus status) {
        return stored(likelihood, impact, residualLikelihood, residualLikelihood, status);
    }

    /** A risk in the register of SYSTEM with id RISK, in the given status (OPEN when null). */
    private Risk stored(int likelihood, int impact, Integer residualLikelihood, Integer residualImpact,
            RiskStatus status) {
        Risk risk = new Risk(SYSTEM, "olivia", CREATED);
        risk.describe(details(likelihood, impact, residualLikelihood, residualImpact), RiskFixtures.defaultMatrix(),
                CREATED);
        if (status != null) {
            risk.changeStatus(status, "set up by the test", CREATED);
        }
        when(risks.findByIdAndSystemId(RISK, SYSTEM)).thenReturn(risk);
        return risk;
    }
}
