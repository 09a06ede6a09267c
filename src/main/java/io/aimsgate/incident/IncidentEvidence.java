package io.aimsgate.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reference to evidence (log location, model state snapshot, input samples) kept with an incident. */
@Entity
@Table(name = "incident_evidence")
public class IncidentEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "incident_id")
    private Long incidentId;

    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;

    private String reference;
    private String note;
    private String addedBy;
    private Instant addedAt;

    protected IncidentEvidence() {
    }

    IncidentEvidence(Long incidentId, EvidenceKind kind, String reference, String note, String addedBy, Instant at) {
        this.incidentId = incidentId;
        this.kind = kind;
        this.reference = reference;
        this.note = note;
        this.addedBy = addedBy;
        this.addedAt = at;
    }

    public Long getId() {
        return id;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    public String getReference() {
        return reference;
    }

    public String getNote() {
        return note;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
