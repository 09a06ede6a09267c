package io.aimsgate.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A model version affected by an incident, and whether this incident holds it suspended. */
@Entity
@Table(name = "incident_version")
@IdClass(IncidentVersion.Key.class)
public class IncidentVersion {

    public record Key(Long incidentId, Long versionId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "incident_id")
    private Long incidentId;

    @Id
    @Column(name = "version_id")
    private Long versionId;

    private boolean suspended;

    protected IncidentVersion() {
    }

    IncidentVersion(Long incidentId, Long versionId) {
        this.incidentId = incidentId;
        this.versionId = versionId;
    }

    void suspend() {
        this.suspended = true;
    }

    void lift() {
        this.suspended = false;
    }

    public Long getIncidentId() {
        return incidentId;
    }

    public Long getVersionId() {
        return versionId;
    }

    public boolean isSuspended() {
        return suspended;
    }
}
