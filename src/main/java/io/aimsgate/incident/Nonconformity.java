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

/** A nonconformity found in an internal audit or review (clause 10.2). */
@Entity
@Table(name = "nonconformity")
public class Nonconformity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "system_id")
    private Long systemId;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    private NonconformitySource source;

    private String requirement;
    private String description;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    private String raisedBy;
    private Instant raisedAt;
    private Instant closedAt;

    @Version
    private long rowVersion;

    protected Nonconformity() {
    }

    Nonconformity(Long systemId, String processInstanceId, NonconformitySource source, String requirement,
            String description, String raisedBy, Instant now) {
        this.systemId = systemId;
        this.processInstanceId = processInstanceId;
        this.source = source;
        this.requirement = requirement;
        this.description = description;
        this.raisedBy = raisedBy;
        this.raisedAt = now;
        this.status = IncidentStatus.OPEN;
    }

    void close(Instant at) {
        this.status = IncidentStatus.CLOSED;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public NonconformitySource getSource() {
        return source;
    }

    public String getRequirement() {
        return requirement;
    }

    public String getDescription() {
        return description;
    }

    public IncidentStatus getStatus() {
        return status;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
