package io.aimsgate.incident;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.gate.DeploymentBlocker;
import io.aimsgate.gate.DeploymentHoldPlaced;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.raci.GroupNotifier;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.risk.RiskAssessmentService;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * AI incidents from report to closure: classification, suspension of affected versions (the inventory holds
 * their status meanwhile), containment,
 * regulator notification, resumption only by the board when containment is verified and no unresolved
 * high-severity risk remains, and closure with lessons learned. Also tells the pipeline check which
 * versions an open incident holds back.
 */
@Service
@Transactional
public class IncidentService implements DeploymentBlocker {

    private final IncidentRepository incidents;
    private final IncidentVersionRepository affected;
    private final IncidentEvidenceRepository evidence;
    private final InventoryService inventory;
    private final RiskAssessmentService riskAssessment;
    private final GroupNotifier notifier;
    private final IncidentProperties properties;
    private final Clock clock;
    private final DecisionLedger ledger;
    private final ApplicationEventPublisher publisher;

    IncidentService(IncidentRepository incidents, IncidentVersionRepository affected,
            IncidentEvidenceRepository evidence, InventoryService inventory, RiskAssessmentService riskAssessment,
            GroupNotifier notifier, IncidentProperties properties, Clock clock, DecisionLedger ledger,
            ApplicationEventPublisher publisher) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.incidents = incidents;
        this.affected = affected;
        this.evidence = evidence;
        this.inventory = inventory;
        this.riskAssessment = riskAssessment;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    /** Applies the report's rules ({@link IncidentReport}, 400 naming the field); refuses a report naming an unknown system or version (404) or a detection time in the future (400). */
    @Transactional(readOnly = true)
    public List<ModelVersion> validate(IncidentReport report) {
        Commands.validate(report);
        inventory.requireSystem(report.systemId());
        if (report.detectedAt().isAfter(clock.instant().plusSeconds(60))) {
            throw new InvalidInputException("detectedAt", "The detection time lies in the future.");
        }
        if (report.versionLabels().isEmpty()) {
            throw new InvalidInputException("versionLabels", "Name at least one affected model version.");
        }
        List<ModelVersion> versions = new ArrayList<>();
        for (String label : report.versionLabels()) {
            versions.add(inventory.requireVersion(report.systemId(), label));
        }
        return versions;
    }

    /** Stores the incident of a process instance; running it twice returns the same incident. */
    public Incident register(String processInstanceId, IncidentReport report, String reporter) {
        Optional<Incident> existing = incidents.findByProcessInstanceId(processInstanceId);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<ModelVersion> versions = validate(report);
        AiSystem system = inventory.requireSystem(report.systemId());
        Incident incident = incidents.save(new Incident(system.getId(), processInstanceId, report,
                system.getEuAiActTier() == EuAiActTier.HIGH, reporter, clock.instant()));
        versions.stream().map(ModelVersion::getId).distinct()
                .forEach(versionId -> affected.save(new IncidentVersion(incident.getId(), versionId)));
        log("INCIDENT_REPORTED", null, incident, incident.getTitle(), io.aimsgate.shared.ledger.Snapshots.of("reportedBy", reporter));
        return incident;
    }

    /** Records the DMN's classification; returns the containment SLA and, if serious, when to alert the board. */
    public Classification classify(Long incidentId, IncidentSeverity severity, boolean serious,
            Integer notificationDays) {
        Incident incident = require(incidentId);
        Duration sla = properties.containmentSla().get(severity);
        Instant deadline = serious && notificationDays != null
                ? incident.getDetectedAt().plus(Duration.ofDays(notificationDays)) : null;
        incident.classify(severity, serious, incident.getReportedAt().plus(sla), deadline);
        Instant escalateAt = null;
        if (deadline != null) {
            Instant now = clock.instant();
            Duration window = Duration.between(now, deadline);
            Duration lead = window.isNegative() ? Duration.ZERO
                    : window.dividedBy(2).compareTo(properties.regulatorEscalationLead()) < 0 ? window.dividedBy(2)
                    : properties.regulatorEscalationLead();
            escalateAt = deadline.minus(lead).isBefore(now) ? now : deadline.minus(lead);
        }
        java.util.Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("severity", severity.name());
        snapshot.put("serious", serious);
        snapshot.put("regulatorDeadline", deadline);
        log("INCIDENT_CLASSIFIED", null, incident, null, snapshot);
        return new Classification(severity, serious, sla, deadline, escalateAt);
    }

    public record Classification(IncidentSeverity severity, boolean serious, Duration containmentSla,
            Instant regulatorDeadline, Instant regulatorEscalationAt) {

        public boolean suspensionRequired() {
            return severity == IncidentSeverity.SEV1 || severity == IncidentSeverity.SEV2;
        }
    }

    /** SEV1/SEV2: every affected version is SUSPENDED at once; it remembers its status before. */
    public List<ModelVersion> suspendAffectedVersions(Long incidentId) {
        List<ModelVersion> suspended = new ArrayList<>();
        for (IncidentVersion link : affected.findByIncidentId(incidentId)) {
            ModelVersion version = inventory.requireVersion(link.getVersionId());
            if (link.isSuspended() || version.getStatus() == VersionStatus.RETIRED) {
                continue;
            }
            link.suspend();
            inventory.suspendVersion(version.getId());
            suspended.add(version);
            Incident incident = require(incidentId);
            publisher.publishEvent(new DeploymentHoldPlaced(version.getSystemId(), version.getId(), "Suspended by "
                    + "incident " + incident.getId() + " (" + incident.getSeverity() + ", " + incident.getType() + ": "
                    + incident.getTitle() + ")."));
        }
        return suspended;
    }

    public void notifyBoard(Long incidentId) {
        Incident incident = require(incidentId);
        notifier.notifyGroup(RaciGroups.GOVERNANCE_BOARD, incident.getSeverity() + " incident " + incident.getId()
                        + ": " + incident.getTitle(),
                "Affected versions are suspended until the board decides to resume them. Type " + incident.getType()
                        + ", reported by " + incident.getReportedBy() + ", detected " + incident.getDetectedAt()
                        + (incident.isSeriousIncident() ? ". Possible EU AI Act serious incident: report to the "
                        + "authority by " + incident.getRegulatorDeadline() + "." : "."));
    }

    public void recordContainment(Long incidentId, String by, String actions, boolean contained) {
        if (!contained) {
            throw new BadUserRequestException("Confirm that the incident is contained ('contained' must be true)");
        }
        if (actions == null || actions.strip().length() < 10) {
            throw new BadUserRequestException("Describe the containment actions (at least 10 characters)");
        }
        Incident incident = require(incidentId);
        incident.contained(by, actions.strip(), clock.instant());
        log("INCIDENT_CONTAINED", "RESPONSIBLE", incident, actions.strip(), io.aimsgate.shared.ledger.Snapshots.of("recordedFor", by));
    }

    public void recordRegulatorNotification(Long incidentId, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new BadUserRequestException("The authority's submission reference is required (at most 200 characters)");
        }
        Incident incident = require(incidentId);
        incident.regulatorNotified(reference.strip(), clock.instant());
        log("INCIDENT_REGULATOR_NOTIFIED", "RESPONSIBLE", incident, null, io.aimsgate.shared.ledger.Snapshots.of("reference",
                reference.strip()));
    }

    /** Why suspended versions may not come back yet: containment not verified, or unresolved HIGH risk. */
    @Transactional(readOnly = true)
    public List<String> resumptionBlockers(Long incidentId) {
        Incident incident = require(incidentId);
        List<String> blockers = new ArrayList<>();
        if (incident.getContainedAt() == null) {
            blockers.add("Containment of incident " + incidentId + " is not verified.");
        }
        blockers.addAll(riskAssessment.assess(incident.getSystemId()).reasons());
        return blockers;
    }

    /** The board's decision to resume: checked again here, whatever the process variables say. */
    public void resume(Long incidentId, String by) {
        List<String> blockers = resumptionBlockers(incidentId);
        if (!blockers.isEmpty()) {
            throw new BadUserRequestException("Suspended versions cannot resume: " + String.join(" ", blockers));
        }
        Incident incident = require(incidentId);
        incident.resumptionDecided("RESUME", by);
        log("INCIDENT_RESUMPTION_DECIDED", "ACCOUNTABLE", incident, null, io.aimsgate.shared.ledger.Snapshots.of("decision", "RESUME",
                "recordedFor", by));
        for (IncidentVersion link : affected.findByIncidentId(incidentId)) {
            if (!link.isSuspended()) {
                continue;
            }
            link.lift();
            if (!affected.existsByVersionIdAndSuspendedTrueAndIncidentIdNot(link.getVersionId(), incidentId)) {
                inventory.liftSuspension(link.getVersionId());
            }
        }
    }

    public void keepSuspended(Long incidentId, String by) {
        Incident incident = require(incidentId);
        incident.resumptionDecided("KEEP_SUSPENDED", by);
        log("INCIDENT_RESUMPTION_DECIDED", "ACCOUNTABLE", incident, null, io.aimsgate.shared.ledger.Snapshots.of("decision",
                "KEEP_SUSPENDED", "recordedFor", by));
    }

    public void markCorrecting(Long incidentId) {
        require(incidentId).correcting();
    }

    public void close(Long incidentId, String by, String lessonsLearned) {
        if (lessonsLearned == null || lessonsLearned.strip().length() < 10) {
            throw new BadUserRequestException("Lessons learned are required to close an incident (at least 10 characters)");
        }
        Incident incident = require(incidentId);
        incident.close(by, lessonsLearned.strip(), clock.instant());
        log("INCIDENT_CLOSED", "ACCOUNTABLE", incident, lessonsLearned.strip(), io.aimsgate.shared.ledger.Snapshots.of("recordedFor", by));
    }

    /** The decision ledger entry of an incident step, in this transaction. */
    private void log(String kind, String actorRole, Incident incident, String rationale,
            java.util.Map<String, Object> details) {
        java.util.Map<String, Object> snapshot = new java.util.LinkedHashMap<>(details);
        snapshot.put("incidentId", incident.getId());
        snapshot.put("status", incident.getStatus() == null ? null : incident.getStatus().name());
        snapshot.put("severity", incident.getSeverity() == null ? null : incident.getSeverity().name());
        ledger.append(new LedgerRecord(kind, actorRole, "INCIDENT", String.valueOf(incident.getId()),
                incident.getSystemId(), rationale, incident.getProcessInstanceId(), null, snapshot));
    }

    public IncidentEvidence addEvidence(Long incidentId, EvidenceKind kind, String reference, String note,
            String by) {
        Incident incident = require(incidentId);
        IncidentEvidence added = evidence.save(new IncidentEvidence(incidentId, kind, reference, note, by,
                clock.instant()));
        java.util.Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("kind", kind == null ? null : kind.name());
        snapshot.put("reference", reference);
        log("INCIDENT_EVIDENCE_ADDED", null, incident, note, snapshot);
        return added;
    }

    @Transactional(readOnly = true)
    public List<IncidentEvidence> evidenceOf(Long incidentId) {
        return evidence.findByIncidentIdOrderByAddedAt(incidentId);
    }

    @Transactional(readOnly = true)
    public List<IncidentVersion> affectedVersions(Long incidentId) {
        return affected.findByIncidentId(incidentId);
    }

    @Transactional(readOnly = true)
    public Incident require(Long incidentId) {
        return incidents.findById(incidentId)
                .orElseThrow(() -> new NotFoundException("incidentId", "No incident " + incidentId + "."));
    }

    @Transactional(readOnly = true)
    public Incident requireByProcessInstance(String processInstanceId) {
        return incidents.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new NotFoundException(
                "processInstanceId", "No incident for process instance " + processInstanceId + "."));
    }

    @Transactional(readOnly = true)
    public Page<Incident> find(Long systemId, IncidentStatus status, IncidentSeverity severity, Pageable pageable) {
        Specification<Incident> spec = (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (systemId != null) {
                predicates.add(cb.equal(root.get("systemId"), systemId));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (severity != null) {
                predicates.add(cb.equal(root.get("severity"), severity));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        return incidents.findAll(spec, pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> blockingReasons(Long versionId) {
        return affected.findSuspendingIncidents(versionId).stream()
                .map(i -> "Suspended by incident " + i.getId() + " (" + i.getSeverity() + ", " + i.getType()
                        + ": " + i.getTitle() + ") until the governance board resumes it.")
                .toList();
    }
}
