package io.aimsgate.review;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A management review (clause 9.3): when and why it started, the inputs the platform compiled from its own records
 * (JSON), and the governance board's conclusions.
 */
@Entity
@Table(name = "management_review")
public class ManagementReview {

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String CONCLUDED = "CONCLUDED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String processInstanceId;
    private Long gateRunId;
    private String triggerKind;
    private String startedBy;
    private Instant startedAt;
    private Instant periodFrom;
    private String inputs;
    private String status;
    private String conclusions;
    private String concludedBy;
    private Instant concludedAt;

    protected ManagementReview() {
    }

    ManagementReview(String processInstanceId, Long gateRunId, String triggerKind, String startedBy,
            Instant startedAt, Instant periodFrom, String inputs) {
        this.processInstanceId = processInstanceId;
        this.gateRunId = gateRunId;
        this.triggerKind = triggerKind;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.periodFrom = periodFrom;
        this.inputs = inputs;
        this.status = IN_PROGRESS;
    }

    void conclude(String conclusions, String concludedBy, Instant at) {
        this.conclusions = conclusions;
        this.concludedBy = concludedBy;
        this.concludedAt = at;
        this.status = CONCLUDED;
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Long getGateRunId() {
        return gateRunId;
    }

    public String getTriggerKind() {
        return triggerKind;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getPeriodFrom() {
        return periodFrom;
    }

    public String getInputs() {
        return inputs;
    }

    public String getStatus() {
        return status;
    }

    public String getConclusions() {
        return conclusions;
    }

    public String getConcludedBy() {
        return concludedBy;
    }

    public Instant getConcludedAt() {
        return concludedAt;
    }
}
