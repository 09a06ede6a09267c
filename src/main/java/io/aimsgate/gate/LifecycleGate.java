package io.aimsgate.gate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One run of a life-cycle gate for an AI system: who started it, why, and how it ended. */
@Entity
@Table(name = "lifecycle_gate")
public class LifecycleGate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long systemId;

    @Enumerated(EnumType.STRING)
    private LifecycleGateKind gate;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    private LifecycleGateStatus status;

    private String triggerKind;
    private String triggerDetail;
    private String startedBy;
    private Instant startedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String outcome;

    @Version
    private long rowVersion;

    protected LifecycleGate() {
    }

    LifecycleGate(Long systemId, LifecycleGateKind gate, String processInstanceId, String startedBy,
            String triggerKind, String triggerDetail, Instant now) {
        this.systemId = systemId;
        this.gate = gate;
        this.processInstanceId = processInstanceId;
        this.startedBy = startedBy;
        this.triggerKind = triggerKind;
        this.triggerDetail = triggerDetail;
        this.status = LifecycleGateStatus.IN_PROGRESS;
        this.startedAt = now;
    }

    public void close(LifecycleGateStatus outcomeStatus, String decider, String outcomeText, Instant now) {
        this.status = outcomeStatus;
        this.decidedBy = decider;
        this.outcome = outcomeText;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public LifecycleGateKind getGate() {
        return gate;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public LifecycleGateStatus getStatus() {
        return status;
    }

    public String getTriggerKind() {
        return triggerKind;
    }

    public String getTriggerDetail() {
        return triggerDetail;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getOutcome() {
        return outcome;
    }
}
