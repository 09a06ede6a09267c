package io.aimsgate.objectives;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An objective's measurement on one day (the last of that day wins): the history of its status. */
@Entity
@Table(name = "ai_objective_snapshot")
public class ObjectiveSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long objectiveId;
    private LocalDate measuredOn;
    private Instant measuredAt;
    private Double measuredValue;
    private int sampleSize;

    @Enumerated(EnumType.STRING)
    private ObjectiveStatus status;

    protected ObjectiveSnapshot() {
    }

    ObjectiveSnapshot(Long objectiveId, LocalDate measuredOn) {
        this.objectiveId = objectiveId;
        this.measuredOn = measuredOn;
    }

    void record(Instant at, Double value, int sampleSize, ObjectiveStatus status) {
        this.measuredAt = at;
        this.measuredValue = value;
        this.sampleSize = sampleSize;
        this.status = status;
    }

    public Long getObjectiveId() {
        return objectiveId;
    }

    public LocalDate getMeasuredOn() {
        return measuredOn;
    }

    public Instant getMeasuredAt() {
        return measuredAt;
    }

    public Double getMeasuredValue() {
        return measuredValue;
    }

    public int getSampleSize() {
        return sampleSize;
    }

    public ObjectiveStatus getStatus() {
        return status;
    }
}
