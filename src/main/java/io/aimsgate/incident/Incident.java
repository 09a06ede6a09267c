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
import java.time.Duration;
import java.time.Instant;

/** An AI incident (clause 10.2, A.8.4, A.3.3) and, for possible serious incidents, its Art. 73 reporting. */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "system_id")
    private Long systemId;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_type")
    private IncidentType type;

    private String title;
    private String description;
    private String harmToPeople;
    private boolean death;
    private boolean seriousHealthHarm;
    @Column(name = "critical_infrastructure")
    private boolean criticalInfrastructureDisruption;
    private boolean widespreadInfringement;
    @Column(name = "fundamental_rights")
    private boolean fundamentalRightsInfringement;
    @Column(name = "property_or_environment")
    private boolean propertyOrEnvironmentHarm;
    private boolean highRiskSystem;

    @Enumerated(EnumType.STRING)
    private IncidentSeverity severity;
    private boolean seriousIncident;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    private Instant detectedAt;
    private Instant reportedAt;
    private String reportedBy;
    private Instant containmentDueAt;
    private Instant containedAt;
    private String containedBy;
    private String containmentActions;
    private Instant regulatorDeadline;
    private Instant regulatorNotifiedAt;
    private String regulatorReference;
    private String resumptionDecision;
    private String resumptionDecidedBy;
    private String lessonsLearned;
    private Instant closedAt;
    private String closedBy;
    private Long secondsToContain;
    private Long secondsToNotify;

    @Version
    private long rowVersion;

    protected Incident() {
    }

    Incident(Long systemId, String processInstanceId, IncidentReport report, boolean highRiskSystem, String reporter,
            Instant now) {
        this.systemId = systemId;
        this.processInstanceId = processInstanceId;
        this.type = report.type();
        this.title = report.title();
        this.description = report.description();
        this.harmToPeople = report.harmToPeople();
        this.death = report.harms().death();
        this.seriousHealthHarm = report.harms().seriousHealthHarm();
        this.criticalInfrastructureDisruption = report.harms().criticalInfrastructureDisruption();
        this.widespreadInfringement = report.harms().widespreadInfringement();
        this.fundamentalRightsInfringement = report.harms().fundamentalRightsInfringement();
        this.propertyOrEnvironmentHarm = report.harms().propertyOrEnvironmentHarm();
        this.highRiskSystem = highRiskSystem;
        this.detectedAt = report.detectedAt();
        this.reportedAt = now;
        this.reportedBy = reporter;
        this.status = IncidentStatus.OPEN;
    }

    void classify(IncidentSeverity severity, boolean seriousIncident, Instant containmentDueAt,
            Instant regulatorDeadline) {
        this.severity = severity;
        this.seriousIncident = seriousIncident;
        this.containmentDueAt = containmentDueAt;
        this.regulatorDeadline = regulatorDeadline;
    }

    void contained(String by, String actions, Instant at) {
        this.containedAt = at;
        this.containedBy = by;
        this.containmentActions = actions;
        this.secondsToContain = Duration.between(detectedAt, at).toSeconds();
        this.status = IncidentStatus.CONTAINED;
    }

    void regulatorNotified(String reference, Instant at) {
        this.regulatorReference = reference;
        this.regulatorNotifiedAt = at;
        this.secondsToNotify = Duration.between(detectedAt, at).toSeconds();
    }

    void correcting() {
        this.status = IncidentStatus.CORRECTING;
    }

    void resumptionDecided(String decision, String by) {
        this.resumptionDecision = decision;
        this.resumptionDecidedBy = by;
    }

    void close(String by, String lessons, Instant at) {
        this.closedBy = by;
        this.lessonsLearned = lessons;
        this.closedAt = at;
        this.status = IncidentStatus.CLOSED;
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

    public IncidentType getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getHarmToPeople() {
        return harmToPeople;
    }

    public Harms getHarms() {
        return new Harms(death, seriousHealthHarm, criticalInfrastructureDisruption, widespreadInfringement,
                fundamentalRightsInfringement, propertyOrEnvironmentHarm);
    }

    public boolean isHighRiskSystem() {
        return highRiskSystem;
    }

    public IncidentSeverity getSeverity() {
        return severity;
    }

    public boolean isSeriousIncident() {
        return seriousIncident;
    }

    public IncidentStatus getStatus() {
        return status;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public Instant getContainmentDueAt() {
        return containmentDueAt;
    }

    public Instant getContainedAt() {
        return containedAt;
    }

    public String getContainedBy() {
        return containedBy;
    }

    public String getContainmentActions() {
        return containmentActions;
    }

    public Instant getRegulatorDeadline() {
        return regulatorDeadline;
    }

    public Instant getRegulatorNotifiedAt() {
        return regulatorNotifiedAt;
    }

    public String getRegulatorReference() {
        return regulatorReference;
    }

    public String getResumptionDecision() {
        return resumptionDecision;
    }

    public String getResumptionDecidedBy() {
        return resumptionDecidedBy;
    }

    public String getLessonsLearned() {
        return lessonsLearned;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Long getSecondsToContain() {
        return secondsToContain;
    }

    public Long getSecondsToNotify() {
        return secondsToNotify;
    }
}
