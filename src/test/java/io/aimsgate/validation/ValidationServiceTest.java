package io.aimsgate.validation;

import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.Risk;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.RiskService;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/** Validation results held to the objectives in force: every breach becomes one risk in the register. */
public class ValidationServiceTest {

    static final long SYSTEM = 7L;
    public static final long RUN = 900L;

    ValidationRunRepository runs = mock(ValidationRunRepository.class);
    Objectives objectives = mock(Objectives.class);
    RiskService risks = mock(RiskService.class);
    ValidationService service = new ValidationService(runs, objectives, risks, mock(InventoryService.class),
            LifecycleFixtures.CLOCK);

    static final Map<String, Objectives.InForce> DEFAULTS = Map.of(
            "accuracy", objective("accuracy", MetricKind.PERFORMANCE, MetricBound.MIN, 0.80),
            "demographicParityDifference", objective("demographicParityDifference", MetricKind.FAIRNESS,
                    MetricBound.MAX, 0.10),
            "adversarialAccuracy", objective("adversarialAccuracy", MetricKind.ROBUSTNESS, MetricBound.MIN, 0.60));

    static Objectives.InForce objective(String metric, MetricKind kind, MetricBound bound, double threshold) {
        return new Objectives.InForce(metric, kind, bound, threshold, false, null, null);
    }

    public static ValidationRun run(ValidationMetric... metrics) {
        ValidationRun run = new ValidationRun(SYSTEM, "1.4.0", "Robust to noise.", "SHAP values reviewed.",
                new ValidationRun.ModelCard("Loans", "Not for minors", "Thin files", "2019-2025 loans"),
                List.of(metrics), "mia", NOW);
        ReflectionTestUtils.setField(run, "id", RUN);
        return run;
    }

    static ValidationMetric metric(MetricKind kind, String name, String attribute, double value) {
        return new ValidationMetric(kind, name, attribute, value);
    }

    @BeforeEach
    void setUp() {
        when(objectives.inForce(SYSTEM)).thenReturn(DEFAULTS);
        Risk risk = mock(Risk.class);
        when(risk.getId()).thenReturn(55L);
        when(risks.record(anyLong(), any(), anyString())).thenReturn(risk);
    }

    private ValidationRun stored(ValidationMetric... metrics) {
        ValidationRun run = run(metrics);
        when(runs.findById(RUN)).thenReturn(Optional.of(run));
        return run;
    }

    @Test
    void aFairnessBreachRegistersOneRiskAtVerificationAndValidation() {
        ValidationRun run = stored(metric(MetricKind.PERFORMANCE, "accuracy", null, 0.91),
                metric(MetricKind.FAIRNESS, "demographicParityDifference", "gender", 0.14));

        List<ValidationService.Breach> breaches = service.evaluate(RUN, "mia");

        assertThat(breaches).containsExactly(new ValidationService.Breach("demographicParityDifference", "gender",
                0.14, MetricBound.MAX, 0.10, 55L));
        ArgumentCaptor<RiskDetails> details = ArgumentCaptor.forClass(RiskDetails.class);
        verify(risks, times(1)).record(eq(SYSTEM), details.capture(), eq("mia"));
        assertThat(details.getValue().lifecycleStage()).isEqualTo(LifecycleStage.VERIFICATION_AND_VALIDATION);
        assertThat(details.getValue().likelihood()).isEqualTo(4);
        assertThat(details.getValue().impact()).isEqualTo(4);
        assertThat(details.getValue().strideCategory()).isEqualTo(StrideCategory.REPUDIATION);
        assertThat(details.getValue().title())
                .isEqualTo("Validation of 1.4.0: demographicParityDifference for gender misses its objective");
        assertThat(run.getBreachCount()).isEqualTo(1);
        assertThat(run.getMetrics().get(1).isBreached()).isTrue();
        assertThat(run.getMetrics().get(1).getRiskId()).isEqualTo(55L);
        assertThat(run.getMetrics().get(0).isBreached()).isFalse();
    }

    @Test
    void evaluatingTwiceDoesNotRegisterTwice() {
        ValidationRun run = stored(metric(MetricKind.FAIRNESS, "demographicParityDifference", "gender", 0.14));

        service.evaluate(RUN, "mia");
        List<ValidationService.Breach> again = service.evaluate(RUN, "aims-gate");

        verify(risks, times(1)).record(anyLong(), any(), anyString());
        assertThat(again).singleElement().extracting(ValidationService.Breach::riskId).isEqualTo(55L);
        assertThat(run.getBreachCount()).isEqualTo(1);
    }

    @Test
    void aMetricWithoutAnObjectiveIsNoBreach() {
        ValidationRun run = stored(metric(MetricKind.PERFORMANCE, "f1", null, 0.01));

        assertThat(service.evaluate(RUN, "mia")).isEmpty();
        verify(risks, never()).record(anyLong(), any(), anyString());
        assertThat(run.getBreachCount()).isZero();
    }

    @Test
    void metricsMeetingTheirObjectivesAreNoBreach() {
        stored(metric(MetricKind.PERFORMANCE, "accuracy", null, 0.80),
                metric(MetricKind.FAIRNESS, "demographicParityDifference", "gender", 0.0999),
                metric(MetricKind.ROBUSTNESS, "adversarialAccuracy", null, 0.6));

        assertThat(service.evaluate(RUN, "mia")).isEmpty();
        verify(risks, never()).record(anyLong(), any(), anyString());
    }

    @Test
    void everyBreachedMetricRegistersItsOwnRisk() {
        stored(metric(MetricKind.PERFORMANCE, "accuracy", null, 0.5),
                metric(MetricKind.ROBUSTNESS, "adversarialAccuracy", null, 0.3));

        assertThat(service.evaluate(RUN, "mia")).hasSize(2);
        verify(risks, times(2)).record(eq(SYSTEM), any(), eq("mia"));
    }

    @Test
    void anUnknownRunIsNotEvaluated() {
        when(runs.findById(RUN)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.evaluate(RUN, "mia")).isInstanceOf(NotFoundException.class);
    }

    // --- the risk a breach registers ---

    @ParameterizedTest
    @CsvSource({
            "FAIRNESS, demographicParityDifference, MAX, 0.10, 0.11, 4, REPUDIATION",
            "ROBUSTNESS, adversarialAccuracy, MIN, 0.60, 0.59, 3, TAMPERING",
            "DRIFT, klDivergence, MAX, 0.10, 0.30, 3, REPUDIATION",
            // performance: 3 when it misses by more than a tenth of the threshold, else 2
            "PERFORMANCE, accuracy, MIN, 0.80, 0.70, 3, REPUDIATION",
            "PERFORMANCE, accuracy, MIN, 0.80, 0.71, 3, REPUDIATION",
            "PERFORMANCE, accuracy, MIN, 0.80, 0.73, 2, REPUDIATION",
            "PERFORMANCE, accuracy, MIN, 0.80, 0.79, 2, REPUDIATION"})
    void theRisksImpactFollowsWhatTheBreachHarms(MetricKind kind, String name, MetricBound bound, double threshold,
            double value, int impact, StrideCategory category) {
        ValidationMetric breached = metric(kind, name, null, value);

        RiskDetails details = ValidationService.riskFor(run(breached), breached, objective(name, kind, bound,
                threshold));

        assertThat(details.likelihood()).isEqualTo(4);
        assertThat(details.impact()).isEqualTo(impact);
        assertThat(details.strideCategory()).isEqualTo(category);
        assertThat(details.lifecycleStage()).isEqualTo(LifecycleStage.VERIFICATION_AND_VALIDATION);
        assertThat(details.description()).contains("validation run 900 of version 1.4.0")
                .contains(bound == MetricBound.MIN ? "at least" : "below");
    }

    @Test
    void anOverlongTitleIsCutTo200Characters() {
        ValidationMetric breached = metric(MetricKind.FAIRNESS, "demographicParityDifference", "x".repeat(300), 0.5);

        RiskDetails details = ValidationService.riskFor(run(breached), breached, DEFAULTS.get(
                "demographicParityDifference"));

        assertThat(details.title()).hasSize(200);
    }

    // --- the summary the approval form shows ---

    @Test
    void theSummarySaysSoWhenNothingBreaches() {
        assertThat(ValidationService.summary(List.of())).isEqualTo("No metric breaches its objective.");
    }

    @Test
    void theSummaryListsOneBreachPerLine() {
        assertThat(ValidationService.summary(List.of(
                new ValidationService.Breach("demographicParityDifference", "gender", 0.14, MetricBound.MAX, 0.1, 55L),
                new ValidationService.Breach("accuracy", null, 0.7, MetricBound.MIN, 0.8, 56L))))
                .isEqualTo("demographicParityDifference [gender] = 0.14 >= 0.1 (risk 55)\n"
                        + "accuracy = 0.7 < 0.8 (risk 56)");
    }
}
