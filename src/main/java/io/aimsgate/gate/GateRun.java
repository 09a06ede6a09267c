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

/** One run of a gate of any kind for an AI system (one process instance): who started it, why, and how it ended. */
@Entity
@Table(name = "gate_run")
public class GateRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long systemId;

    @Enumerated(EnumType.STRING)
    private GateKind kind;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    private GateRunStatus status;

    private String triggerKind;
    private String triggerDetail;
    private String startedBy;
    private Instant startedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String outcome;

    @Version
    private long rowVersion;

    protected GateRun() {
    }

    public GateRun(Long systemId, GateKind kind, String processInstanceId, String startedBy, String triggerKind,
            String triggerDetail, Instant now) {
        this.systemId = systemId;
        this.kind = kind;
        this.processInstanceId = processInstanceId;
        this.startedBy = startedBy;
        this.triggerKind = triggerKind;
        this.triggerDetail = triggerDetail;
        this.status = GateRunStatus.IN_PROGRESS;
        this.startedAt = now;
    }

    void close(GateRunStatus outcomeStatus, String decider, String outcomeText, Instant now) {
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

    public GateKind getKind() {
        return kind;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public GateRunStatus getStatus() {
        return status;
    }

    public boolean isOpen() {
        return status == GateRunStatus.IN_PROGRESS;
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
