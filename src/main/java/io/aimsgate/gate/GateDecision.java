package io.aimsgate.gate;

import io.aimsgate.raci.RaciRole;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A decision or submission taken in a user task of a gate run, of any kind: the evidence of who decided what, in which
 * RACI role, with which rationale. Written only by {@link GateDecisions#record}.
 */
@Entity
@Table(name = "gate_decision")
public class GateDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long runId;
    private String taskId;
    private String taskKey;
    private String raciActivity;

    @Enumerated(EnumType.STRING)
    private RaciRole raciRole;

    private String decision;
    private String rationale;
    private String decidedBy;
    private Instant decidedAt;

    protected GateDecision() {
    }

    public GateDecision(Long runId, String taskId, String taskKey, String raciActivity, RaciRole raciRole,
            String decision, String rationale, String decidedBy, Instant decidedAt) {
        this.runId = runId;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.raciActivity = raciActivity;
        this.raciRole = raciRole;
        this.decision = decision;
        this.rationale = rationale;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getRunId() {
        return runId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getRaciActivity() {
        return raciActivity;
    }

    public RaciRole getRaciRole() {
        return raciRole;
    }

    public String getDecision() {
        return decision;
    }

    public String getRationale() {
        return rationale;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
