package io.aimsgate.objectives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An objective with its status now (computed at the call) and its daily snapshots, oldest first. */
public record ObjectiveView(String code, String title, ObjectiveMetric metric, String unit, String sample,
        ObjectiveDirection direction, double target, String owner, LocalDate dueDate, Double currentValue,
        int sampleSize, ObjectiveStatus status, Instant measuredAt, List<Point> history) {

    /** One day's measurement. */
    public record Point(LocalDate measuredOn, Double value, int sampleSize, ObjectiveStatus status) {
    }
}
