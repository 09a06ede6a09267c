package io.aimsgate.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One version of a policy: its text (Markdown), why it changed, and its way through the approval gate. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long documentId;
    private int versionNumber;
    private String body;
    private String changeSummary;

    @Enumerated(EnumType.STRING)
    private PolicyVersionStatus status;

    private Long gateRunId;
    private String processInstanceId;
    private String draftedBy;
    private Instant draftedAt;
    private Instant decidedAt;
    private Instant publishedAt;
    private LocalDate reviewDue;
    private Instant supersededAt;

    @Version
    private long rowVersion;

    protected PolicyVersion() {
    }

    PolicyVersion(Long documentId, int versionNumber, String body, String changeSummary, String draftedBy,
            Instant draftedAt) {
        this.documentId = documentId;
        this.versionNumber = versionNumber;
        this.body = body;
        this.changeSummary = changeSummary;
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
        this.status = PolicyVersionStatus.DRAFT;
    }

    void inReview(String processInstanceId, Long gateRunId) {
        this.processInstanceId = processInstanceId;
        this.gateRunId = gateRunId;
        this.status = PolicyVersionStatus.IN_REVIEW;
    }

    void revise(String body, String changeSummary) {
        this.body = body;
        this.changeSummary = changeSummary;
    }

    void publish(Instant now, LocalDate reviewDue) {
        this.status = PolicyVersionStatus.PUBLISHED;
        this.decidedAt = now;
        this.publishedAt = now;
        this.reviewDue = reviewDue;
    }

    void reject(Instant now) {
        this.status = PolicyVersionStatus.REJECTED;
        this.decidedAt = now;
    }

    void supersede(Instant now) {
        this.status = PolicyVersionStatus.SUPERSEDED;
        this.supersededAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getBody() {
        return body;
    }

    public String getChangeSummary() {
        return changeSummary;
    }

    public PolicyVersionStatus getStatus() {
        return status;
    }

    public Long getGateRunId() {
        return gateRunId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public Instant getDraftedAt() {
        return draftedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public LocalDate getReviewDue() {
        return reviewDue;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }
}
