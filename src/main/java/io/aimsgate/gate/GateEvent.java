package io.aimsgate.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event in a request's history (submitted, halted with reasons, resumed, decided). */
@Entity
@Table(name = "gate_event")
public class GateEvent {

    /** INVALIDATED: a material change invalidated the request's approval (the version needs re-approval). */
    public enum Type { SUBMITTED, HALTED, RESUMED, APPROVED, REJECTED, WITHDRAWN, INVALIDATED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private Long requestId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Type eventType;

    private String actor;
    private String details;
    private Instant occurredAt;

    protected GateEvent() {
    }

    GateEvent(Long requestId, Type eventType, String actor, String details, Instant occurredAt) {
        this.requestId = requestId;
        this.eventType = eventType;
        this.actor = actor;
        this.details = DeploymentRequest.truncate(details, 8000);
        this.occurredAt = occurredAt;
    }

    public Type getEventType() {
        return eventType;
    }

    public String getActor() {
        return actor;
    }

    public String getDetails() {
        return details;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
