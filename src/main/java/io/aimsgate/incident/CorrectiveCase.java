package io.aimsgate.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One run of the corrective-action sub-process for an incident or a nonconformity. */
@Entity
@Table(name = "corrective_case")
public class CorrectiveCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private SubjectType subjectType;

    private Long subjectId;
    private String processInstanceId;
    private String correction;
    private String rootCauseMethod;
    private String rootCauses;
    private String contributingFactors;
    private Boolean effective;
    private String effectivenessEvidence;
    private String closureNote;
    private String closedBy;
    private Instant closedAt;

    @Version
    private long rowVersion;

    protected CorrectiveCase() {
    }

    CorrectiveCase(SubjectType subjectType, Long subjectId, String processInstanceId) {
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.processInstanceId = processInstanceId;
    }

    void correction(String text) {
        this.correction = text;
    }

    void rootCause(String method, String causes, String factors) {
        this.rootCauseMethod = method;
        this.rootCauses = causes;
        this.contributingFactors = factors;
    }

    void effectiveness(boolean isEffective, String evidence) {
        this.effective = isEffective;
        this.effectivenessEvidence = evidence;
    }

    void close(String by, String note, Instant at) {
        this.closedBy = by;
        this.closureNote = note;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public SubjectType getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getCorrection() {
        return correction;
    }

    public String getRootCauseMethod() {
        return rootCauseMethod;
    }

    public String getRootCauses() {
        return rootCauses;
    }

    public String getContributingFactors() {
        return contributingFactors;
    }

    public Boolean getEffective() {
        return effective;
    }

    public String getEffectivenessEvidence() {
        return effectivenessEvidence;
    }

    public String getClosureNote() {
        return closureNote;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
