package io.aimsgate.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A policy of the management system (the AI policy of clause 5.2, an AI risk management policy, a data governance
 * policy...): its stable key and title, what it is for, and how often it is reviewed. Its text lives in its versions.
 */
@Entity
@Table(name = "policy_document")
public class PolicyDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String documentKey;
    private String title;
    private String purpose;
    private String reviewInterval;
    private String createdBy;
    private Instant createdAt;

    protected PolicyDocument() {
    }

    PolicyDocument(String documentKey, String title, String purpose, String reviewInterval, String createdBy,
            Instant createdAt) {
        this.documentKey = documentKey;
        this.title = title;
        this.purpose = purpose;
        this.reviewInterval = reviewInterval;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getDocumentKey() {
        return documentKey;
    }

    public String getTitle() {
        return title;
    }

    public String getPurpose() {
        return purpose;
    }

    /** ISO-8601 period between a publication and the review that starts the next revision, e.g. P1Y. */
    public String getReviewInterval() {
        return reviewInterval;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
