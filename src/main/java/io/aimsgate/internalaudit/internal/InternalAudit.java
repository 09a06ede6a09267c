package io.aimsgate.internalaudit.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** One audit of the internal audit programme (clause 9.2): its scope, criteria and frequency, and how far it got. */
@Entity
@Table(name = "internal_audit")
class InternalAudit {

    enum Frequency {
        ONE_OFF, QUARTERLY, SEMI_ANNUAL, ANNUAL;

        /** The start of the next audit of a recurring one; empty for a one-off. */
        java.util.Optional<LocalDate> next(LocalDate start) {
            return switch (this) {
                case ONE_OFF -> java.util.Optional.empty();
                case QUARTERLY -> java.util.Optional.of(start.plusMonths(3));
                case SEMI_ANNUAL -> java.util.Optional.of(start.plusMonths(6));
                case ANNUAL -> java.util.Optional.of(start.plusYears(1));
            };
        }
    }

    enum Status {
        PLANNED, IN_PROGRESS, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int programmeYear;
    private String title;
    private String criteria;

    @Enumerated(EnumType.STRING)
    private Frequency frequency;

    private LocalDate plannedStart;
    private String leadAuditor;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String processInstanceId;
    private Long gateRunId;
    private String checklistSource;
    private String auditPlan;
    private String reportSummary;
    private String conclusion;
    private String plannedBy;
    private Instant plannedAt;
    private Instant startedAt;
    private Instant closedAt;
    private Long nextAuditId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "internal_audit_system", joinColumns = @JoinColumn(name = "audit_id"))
    @Column(name = "system_id")
    private Set<Long> scopeSystemIds = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "internal_audit_control", joinColumns = @JoinColumn(name = "audit_id"))
    @Column(name = "control_id")
    private Set<String> scopeControlIds = new TreeSet<>();

    @Version
    private long rowVersion;

    protected InternalAudit() {
    }

    InternalAudit(AuditPlanning plan, String plannedBy, Instant plannedAt) {
        this.programmeYear = plan.plannedStart().getYear();
        this.title = plan.title();
        this.criteria = plan.criteria();
        this.frequency = plan.frequency();
        this.plannedStart = plan.plannedStart();
        this.leadAuditor = plan.leadAuditor();
        this.scopeSystemIds = new TreeSet<>(plan.scopeSystemIds());
        this.scopeControlIds = new TreeSet<>(plan.scopeControlIds());
        this.status = Status.PLANNED;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
    }

    /** The next audit of a recurring one: same scope, criteria and lead auditor, planned one period later. */
    InternalAudit nextOccurrence(LocalDate start, String plannedBy, Instant now) {
        return new InternalAudit(new AuditPlanning(title, scopeSystemIds.stream().toList(),
                scopeControlIds.stream().toList(), criteria, frequency, start, leadAuditor), plannedBy, now);
    }

    void start(String processInstanceId, Long gateRunId, String checklistSource, Instant now) {
        this.processInstanceId = processInstanceId;
        this.gateRunId = gateRunId;
        this.checklistSource = checklistSource;
        this.status = Status.IN_PROGRESS;
        this.startedAt = now;
    }

    void plan(String auditPlan) {
        this.auditPlan = auditPlan;
    }

    void report(String reportSummary, String conclusion) {
        this.reportSummary = reportSummary;
        this.conclusion = conclusion;
    }

    void close(Instant now, Long nextAuditId) {
        this.status = Status.CLOSED;
        this.closedAt = now;
        this.nextAuditId = nextAuditId;
    }

    Long getId() {
        return id;
    }

    int getProgrammeYear() {
        return programmeYear;
    }

    String getTitle() {
        return title;
    }

    String getCriteria() {
        return criteria;
    }

    Frequency getFrequency() {
        return frequency;
    }

    LocalDate getPlannedStart() {
        return plannedStart;
    }

    String getLeadAuditor() {
        return leadAuditor;
    }

    Status getStatus() {
        return status;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    Long getGateRunId() {
        return gateRunId;
    }

    String getChecklistSource() {
        return checklistSource;
    }

    String getAuditPlan() {
        return auditPlan;
    }

    String getReportSummary() {
        return reportSummary;
    }

    String getConclusion() {
        return conclusion;
    }

    String getPlannedBy() {
        return plannedBy;
    }

    Instant getPlannedAt() {
        return plannedAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    Long getNextAuditId() {
        return nextAuditId;
    }

    Set<Long> getScopeSystemIds() {
        return Set.copyOf(scopeSystemIds);
    }

    Set<String> getScopeControlIds() {
        return Set.copyOf(scopeControlIds);
    }
}
