package io.aimsgate.incident;

import jakarta.persistence.Column;
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

/** A corrective action with owner, due date and status, tracked until done. */
@Entity
@Table(name = "corrective_action")
public class CorrectiveAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String description;
    private String owner;
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    private CorrectiveActionStatus status;

    private Instant completedAt;

    @Version
    private long rowVersion;

    protected CorrectiveAction() {
    }

    CorrectiveAction(Long caseId, String description, String owner, LocalDate dueDate) {
        this.caseId = caseId;
        this.description = description;
        this.owner = owner;
        this.dueDate = dueDate;
        this.status = CorrectiveActionStatus.OPEN;
    }

    void progress(CorrectiveActionStatus next, Instant now) {
        this.status = next;
        this.completedAt = next == CorrectiveActionStatus.DONE ? now : null;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getDescription() {
        return description;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public CorrectiveActionStatus getStatus() {
        return status;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
