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

/** A decision or submission taken in a gate's user task: the evidence of who decided what, in which RACI role. */
@Entity
@Table(name = "lifecycle_decision")
public class LifecycleDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long gateId;
    private String taskId;
    private String taskKey;
    private String activity;

    @Enumerated(EnumType.STRING)
    private RaciRole raciRole;

    private String decision;
    private String rationale;
    private String decidedBy;
    private Instant decidedAt;

    protected LifecycleDecision() {
    }

    LifecycleDecision(Long gateId, String taskId, String taskKey, String activity, RaciRole raciRole, String decision,
            String rationale, String decidedBy, Instant decidedAt) {
        this.gateId = gateId;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.activity = activity;
        this.raciRole = raciRole;
        this.decision = decision;
        this.rationale = rationale;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getGateId() {
        return gateId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getActivity() {
        return activity;
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
