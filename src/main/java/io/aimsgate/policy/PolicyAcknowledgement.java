package io.aimsgate.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** That one person was asked to read a published policy version, and when they acknowledged it (clause 7.3). */
@Entity
@Table(name = "policy_acknowledgement")
public class PolicyAcknowledgement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long versionId;
    private String userId;
    private Instant requestedAt;
    private Instant acknowledgedAt;
    private int remindersSent;

    protected PolicyAcknowledgement() {
    }

    PolicyAcknowledgement(Long versionId, String userId, Instant requestedAt) {
        this.versionId = versionId;
        this.userId = userId;
        this.requestedAt = requestedAt;
    }

    void acknowledge(Instant now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
    }

    void reminded() {
        remindersSent++;
    }

    public Long getVersionId() {
        return versionId;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public int getRemindersSent() {
        return remindersSent;
    }
}
