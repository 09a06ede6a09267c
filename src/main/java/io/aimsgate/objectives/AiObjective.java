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

/** An AI objective of the management system (clause 6.2): a metric, a target, an owner and a due date. */
@Entity
@Table(name = "ai_objective")
public class AiObjective {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String title;

    @Enumerated(EnumType.STRING)
    private ObjectiveMetric metric;

    @Enumerated(EnumType.STRING)
    private ObjectiveDirection direction;

    private double target;
    private String owner;
    private LocalDate dueDate;
    private String createdBy;
    private Instant createdAt;

    protected AiObjective() {
    }

    AiObjective(String code, String title, ObjectiveMetric metric, ObjectiveDirection direction, double target,
            String owner, LocalDate dueDate, String createdBy, Instant createdAt) {
        this.code = code;
        this.title = title;
        this.metric = metric;
        this.direction = direction;
        this.target = target;
        this.owner = owner;
        this.dueDate = dueDate;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public ObjectiveMetric getMetric() {
        return metric;
    }

    public ObjectiveDirection getDirection() {
        return direction;
    }

    public double getTarget() {
        return target;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
