package io.aimsgate.gate;

import io.aimsgate.raci.RaciRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reviewer's or approver's decision with its rationale: the evidence of who approved what. */
@Entity
@Table(name = "gate_decision")
public class GateDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private Long requestId;

    private String taskId;
    private String taskKey;
    private String raciActivity;

    @Enumerated(EnumType.STRING)
    private RaciRole raciRole;

    @Enumerated(EnumType.STRING)
    private ReviewDecision decision;

    private String rationale;
    private String decidedBy;
    private Instant decidedAt;

    protected GateDecision() {
    }

    GateDecision(Long requestId, String taskId, String taskKey, String raciActivity, RaciRole raciRole,
            ReviewDecision decision, String rationale, String decidedBy, Instant decidedAt) {
        this.requestId = requestId;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.raciActivity = raciActivity;
        this.raciRole = raciRole;
        this.decision = decision;
        this.rationale = rationale;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getRequestId() {
        return requestId;
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

    public ReviewDecision getDecision() {
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
