package io.aimsgate.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a measured value becomes a status, and the median and share the measurements take. */
class ObjectiveStatusTest {

    static final LocalDate DUE = LocalDate.parse("2027-03-31");

    @Test
    void atLeastAndAtMostAgainstTheTargetAndTheDueDate() {
        AiObjective atLeast = objective(ObjectiveDirection.AT_LEAST, 0.9);
        assertThat(ObjectiveService.status(atLeast, 0.9, DUE)).isEqualTo(ObjectiveStatus.MET);
        assertThat(ObjectiveService.status(atLeast, 0.89, DUE)).isEqualTo(ObjectiveStatus.NOT_MET);
        assertThat(ObjectiveService.status(atLeast, 0.89, DUE.plusDays(1))).isEqualTo(ObjectiveStatus.MISSED);
        assertThat(ObjectiveService.status(atLeast, 0.95, DUE.plusDays(1))).isEqualTo(ObjectiveStatus.MET);
        assertThat(ObjectiveService.status(atLeast, null, DUE)).isEqualTo(ObjectiveStatus.NO_DATA);

        AiObjective atMost = objective(ObjectiveDirection.AT_MOST, 1.0);
        assertThat(ObjectiveService.status(atMost, 1.0, DUE)).isEqualTo(ObjectiveStatus.MET);
        assertThat(ObjectiveService.status(atMost, 1.5, DUE)).isEqualTo(ObjectiveStatus.NOT_MET);
    }

    @Test
    void medianOfOddAndEvenSamplesAndShareOfOutcomes() {
        assertThat(ObjectiveMeasurements.median(List.of())).isNull();
        assertThat(ObjectiveMeasurements.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(ObjectiveMeasurements.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(ObjectiveMeasurements.share(List.of())).isEqualTo(new ObjectiveMeasurements.Measurement(null, 0));
        assertThat(ObjectiveMeasurements.share(List.of(true, false, true))).isEqualTo(
                new ObjectiveMeasurements.Measurement(0.6667, 3));
    }

    private static AiObjective objective(ObjectiveDirection direction, double target) {
        return new AiObjective("OBJ", "Objective", ObjectiveMetric.MODELS_MEETING_FAIRNESS_AT_VALIDATION, direction,
                target, "mia", DUE, "grace", Instant.parse("2026-12-06T09:00:00Z"));
    }
}
