package io.aimsgate.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.inventory.InventoryService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which side of a threshold breaches, and which objective is in force for a system. */
class ObjectivesTest {

    static final long SYSTEM = 7L;

    @ParameterizedTest
    @CsvSource({"0.79, true", "0.80, false", "0.95, false"})
    void aMinIsBreachedBelowTheThresholdOnly(double value, boolean breached) {
        assertThat(MetricBound.MIN.breachedBy(value, 0.80)).isEqualTo(breached);
    }

    @ParameterizedTest
    @CsvSource({"0.09, false", "0.1, true", "0.25, true"})
    void aMaxIsBreachedAtOrAboveTheThreshold(double value, boolean breached) {
        assertThat(MetricBound.MAX.breachedBy(value, 0.1)).isEqualTo(breached);
    }

    @Test
    void klDivergenceOfAPointOneBreachesItsDefaultObjective() {
        Objectives.InForce kl = new Objectives.InForce("klDivergence", MetricKind.DRIFT, MetricBound.MAX, 0.10, false,
                null, null);

        assertThat(kl.breachedBy(0.1)).isTrue();
        assertThat(kl.breachedBy(0.0999)).isFalse();
    }

    MetricObjectiveRepository repository = mock(MetricObjectiveRepository.class);
    Objectives objectives = new Objectives(repository, new LifecycleProperties(null, Map.of(
            "accuracy", new LifecycleProperties.Objective(MetricKind.PERFORMANCE, MetricBound.MIN, 0.80),
            "klDivergence", new LifecycleProperties.Objective(MetricKind.DRIFT, MetricBound.MAX, 0.10))),
            mock(InventoryService.class), LifecycleFixtures.CLOCK);

    @Test
    void theDefaultsAreInForceWhileTheSystemSetsNone() {
        when(repository.findBySystemId(SYSTEM)).thenReturn(List.of());

        Map<String, Objectives.InForce> inForce = objectives.inForce(SYSTEM);

        assertThat(inForce).containsOnlyKeys("accuracy", "klDivergence");
        assertThat(inForce.get("accuracy")).isEqualTo(new Objectives.InForce("accuracy", MetricKind.PERFORMANCE,
                MetricBound.MIN, 0.80, false, null, null));
    }

    @Test
    void theSystemsOwnObjectiveBeatsTheDefault() {
        MetricObjective own = new MetricObjective(SYSTEM, "accuracy");
        own.set(MetricKind.PERFORMANCE, MetricBound.MIN, 0.92, "oscar", LifecycleFixtures.NOW);
        MetricObjective extra = new MetricObjective(SYSTEM, "latencyP99");
        extra.set(MetricKind.PERFORMANCE, MetricBound.MAX, 250, "oscar", LifecycleFixtures.NOW);
        when(repository.findBySystemId(SYSTEM)).thenReturn(List.of(own, extra));

        Map<String, Objectives.InForce> inForce = objectives.inForce(SYSTEM);

        assertThat(inForce.get("accuracy")).isEqualTo(new Objectives.InForce("accuracy", MetricKind.PERFORMANCE,
                MetricBound.MIN, 0.92, true, "oscar", LifecycleFixtures.NOW));
        assertThat(inForce.get("accuracy").breachedBy(0.9)).isTrue();
        assertThat(inForce.get("klDivergence").systemSpecific()).isFalse();
        assertThat(inForce).containsKey("latencyP99");
        assertThat(objectives.forMetric(SYSTEM, "accuracy")).get().extracting(Objectives.InForce::threshold)
                .isEqualTo(0.92);
        assertThat(objectives.forMetric(SYSTEM, "recall")).isEmpty();
    }
}
