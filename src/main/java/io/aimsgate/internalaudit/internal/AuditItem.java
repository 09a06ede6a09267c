package io.aimsgate.internalaudit.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** One line of an audit's checklist: an applicable control in scope, tested against a sample of evidence revisions. */
@Entity
@Table(name = "internal_audit_item")
class AuditItem {

    enum Result {
        NOT_TESTED, CONFORMS, OBSERVATION, NONCONFORMITY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long auditId;
    private String controlId;
    private String controlTitle;
    private String controlOwner;

    @Enumerated(EnumType.STRING)
    private Result result;

    private Long systemId;
    private String notes;
    private String testedBy;
    private Instant testedAt;
    private Long nonconformityId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "internal_audit_sample", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "evidence_revision_id")
    private Set<Long> sample = new TreeSet<>();

    @Version
    private long rowVersion;

    protected AuditItem() {
    }

    AuditItem(Long auditId, String controlId, String controlTitle, String controlOwner) {
        this.auditId = auditId;
        this.controlId = controlId;
        this.controlTitle = controlTitle;
        this.controlOwner = controlOwner;
        this.result = Result.NOT_TESTED;
    }

    void tested(Result result, Set<Long> sample, Long systemId, String notes, String testedBy, Instant testedAt) {
        this.result = result;
        this.sample = new TreeSet<>(sample);
        this.systemId = systemId;
        this.notes = notes;
        this.testedBy = testedBy;
        this.testedAt = testedAt;
    }

    void raised(Long nonconformityId) {
        this.nonconformityId = nonconformityId;
    }

    Long getId() {
        return id;
    }

    Long getAuditId() {
        return auditId;
    }

    String getControlId() {
        return controlId;
    }

    String getControlTitle() {
        return controlTitle;
    }

    String getControlOwner() {
        return controlOwner;
    }

    Result getResult() {
        return result;
    }

    Long getSystemId() {
        return systemId;
    }

    String getNotes() {
        return notes;
    }

    String getTestedBy() {
        return testedBy;
    }

    Instant getTestedAt() {
        return testedAt;
    }

    Long getNonconformityId() {
        return nonconformityId;
    }

    Set<Long> getSample() {
        return Set.copyOf(sample);
    }
}
