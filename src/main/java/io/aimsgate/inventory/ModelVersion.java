package io.aimsgate.inventory;

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

/** A model version of an AI system: the unit a deployment gate approves and a pipeline ships. */
@Entity
@Table(name = "model_version")
public class ModelVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "system_id")
    private Long systemId;

    private String versionLabel;

    @Column(name = "artifact_sha256")
    private String artifactSha256;

    @Enumerated(EnumType.STRING)
    private VersionStatus status;

    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant statusChangedAt;

    /** While SUSPENDED: where the version goes when the suspension is lifted (gates keep moving it meanwhile). */
    @Enumerated(EnumType.STRING)
    private VersionStatus heldStatus;

    @Version
    private long rowVersion;

    protected ModelVersion() {
    }

    ModelVersion(Long systemId, String versionLabel, String artifactSha256, String createdBy, Instant now) {
        this.systemId = systemId;
        this.versionLabel = versionLabel;
        this.artifactSha256 = artifactSha256;
        this.createdBy = createdBy;
        this.status = VersionStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
        this.statusChangedAt = now;
    }

    void replaceArtifact(String sha256, Instant now) {
        this.artifactSha256 = sha256;
        this.updatedAt = now;
    }

    void changeStatus(VersionStatus next, Instant now) {
        if (this.status == VersionStatus.SUSPENDED && next != VersionStatus.SUSPENDED) {
            // A gate decision during a suspension takes effect only when the suspension is lifted.
            this.heldStatus = next;
            this.updatedAt = now;
            return;
        }
        if (this.status != next) {
            this.status = next;
            this.statusChangedAt = now;
        }
        this.updatedAt = now;
    }

    void suspend(Instant now) {
        if (this.status != VersionStatus.SUSPENDED) {
            this.heldStatus = this.status;
            this.status = VersionStatus.SUSPENDED;
            this.statusChangedAt = now;
            this.updatedAt = now;
        }
    }

    void liftSuspension(Instant now) {
        if (this.status == VersionStatus.SUSPENDED) {
            this.status = this.heldStatus == null ? VersionStatus.DRAFT : this.heldStatus;
            this.heldStatus = null;
            this.statusChangedAt = now;
            this.updatedAt = now;
        }
    }

    /** Retirement ends every status, a suspension and anything it held included. */
    void retire(Instant now) {
        if (this.status != VersionStatus.RETIRED) {
            this.status = VersionStatus.RETIRED;
            this.heldStatus = null;
            this.statusChangedAt = now;
            this.updatedAt = now;
        }
    }

    public VersionStatus getHeldStatus() {
        return heldStatus;
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public String getVersionLabel() {
        return versionLabel;
    }

    public String getArtifactSha256() {
        return artifactSha256;
    }

    public VersionStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }
}
