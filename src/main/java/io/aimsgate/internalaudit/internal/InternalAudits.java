package io.aimsgate.internalaudit.internal;

import io.aimsgate.controls.ControlRecord;
import io.aimsgate.controls.Controls;
import io.aimsgate.controls.SoaEntry;
import io.aimsgate.controls.SoaVersion;
import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.evidence.EvidenceService;
import io.aimsgate.gate.GateDecision;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.gate.GateVariables;
import io.aimsgate.incident.IncidentProcess;
import io.aimsgate.incident.NonconformityReport;
import io.aimsgate.incident.NonconformityService;
import io.aimsgate.incident.NonconformitySource;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.ForbiddenException;
import io.aimsgate.shared.InvalidCommandException;
import io.aimsgate.shared.NotFoundException;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The internal audit programme and its audits in our tables (clause 9.2): planning (scope, criteria, frequency, an
 * independent lead auditor), the checklist generated from the applicable controls of the Statement of Applicability in
 * scope, each item's test against sampled evidence revisions, the nonconformities that failed items raise (each
 * starts the existing nonconformity process and with it a corrective action), the report, and the close. The report's
 * acceptance by the governance board is a gate run of kind {@link GateKind#INTERNAL_AUDIT}.
 */
@Service
@Transactional
class InternalAudits {

    static final String FIELDWORK_TASK = "task_fieldwork";

    private final InternalAuditRepository audits;
    private final AuditItemRepository items;
    private final Controls controls;
    private final InventoryService inventory;
    private final EvidenceService evidence;
    private final GateDecisions gates;
    private final AuditorIndependence independence;
    private final NonconformityService nonconformities;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final PlatformEngineAccess engine;
    private final Clock clock;

    InternalAudits(InternalAuditRepository audits, AuditItemRepository items, Controls controls,
            InventoryService inventory, EvidenceService evidence, GateDecisions gates, AuditorIndependence independence,
            NonconformityService nonconformities, RuntimeService runtimeService, TaskService taskService,
            IdentityService identityService, PlatformEngineAccess engine, Clock clock) {
        this.audits = audits;
        this.items = items;
        this.controls = controls;
        this.inventory = inventory;
        this.evidence = evidence;
        this.gates = gates;
        this.independence = independence;
        this.nonconformities = nonconformities;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.engine = engine;
        this.clock = clock;
    }

    /** One line of a checklist to be: an applicable control in scope, its title and its owner now. */
    record ChecklistLine(String controlId, String title, String owner) {
    }

    /** The checklist an audit of this scope gets now, and where its applicability comes from. */
    record Checklist(String source, List<ChecklistLine> lines) {

        Set<String> controlIds() {
            Set<String> ids = new LinkedHashSet<>();
            lines.forEach(line -> ids.add(line.controlId()));
            return ids;
        }
    }

    /** Plans an audit in the programme; refuses an unknown scope, an empty checklist or a lead auditor not independent. */
    InternalAudit plan(AuditPlanning plan, String actor) {
        Commands.validate(plan);
        for (Long systemId : plan.scopeSystemIds()) {
            try {
                inventory.requireSystem(systemId);
            } catch (NotFoundException e) {
                throw new InvalidCommandException("scopeSystemIds", "no AI system " + systemId);
            }
        }
        boolean auditor = engine.withoutUserAuthorization(() -> identityService.createUserQuery()
                .userId(plan.leadAuditor()).memberOfGroup(RaciGroups.AUDITORS).count() > 0);
        if (!auditor) {
            throw new InvalidCommandException("leadAuditor", "must be a member of the " + RaciGroups.AUDITORS
                    + " group");
        }
        Checklist checklist = checklist(plan.scopeControlIds());
        List<String> conflicts = independence.conflicts(plan.leadAuditor(), plan.scopeSystemIds(),
                checklist.controlIds());
        if (!conflicts.isEmpty()) {
            throw new ForbiddenException("leadAuditor", "Auditor independence: " + plan.leadAuditor()
                    + " cannot lead this audit. " + String.join(" ", conflicts));
        }
        return audits.save(new InternalAudit(plan, actor, clock.instant()));
    }

    /**
     * The applicable controls in scope: from the approved Statement of Applicability in force, or, while none is
     * approved, from the controls register. A named control that is unknown or not applicable is refused (400).
     */
    @Transactional(readOnly = true)
    Checklist checklist(java.util.Collection<String> scopeControlIds) {
        Map<String, ChecklistLine> applicable = new LinkedHashMap<>();
        String source;
        Optional<SoaVersion> soa = controls.approvedSoa();
        if (soa.isPresent()) {
            source = "Statement of Applicability version " + soa.get().versionNo();
            for (SoaEntry entry : soa.get().applicableEntries()) {
                applicable.put(entry.controlId(), new ChecklistLine(entry.controlId(), entry.title(),
                        controls.ownerOf(entry.controlId()).orElse(null)));
            }
        } else {
            source = "controls register (no approved Statement of Applicability yet)";
            for (ControlRecord control : controls.applicable()) {
                applicable.put(control.controlId(), new ChecklistLine(control.controlId(), control.title(),
                        control.owner()));
            }
        }
        List<ChecklistLine> lines = new ArrayList<>();
        if (scopeControlIds.isEmpty()) {
            lines.addAll(applicable.values());
        } else {
            for (String controlId : new TreeSet<>(scopeControlIds)) {
                if (controls.find(controlId).isEmpty()) {
                    throw new InvalidCommandException("scopeControlIds", controlId + " is not an Annex A control");
                }
                ChecklistLine line = applicable.get(controlId);
                if (line == null) {
                    throw new InvalidCommandException("scopeControlIds", controlId + " is not applicable in the "
                            + source);
                }
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new ConflictException("scopeControlIds", "The audit would have an empty checklist: the " + source
                    + " names no applicable control.");
        }
        return new Checklist(source, lines);
    }

    /** Starts the audit's process as the caller (an auditor): the process opens it ({@link #open}). */
    InternalAudit start(Long auditId, String note) {
        InternalAudit audit = require(auditId);
        if (audit.getStatus() != InternalAudit.Status.PLANNED) {
            throw new ConflictException("auditId", "Internal audit " + auditId + " is " + audit.getStatus()
                    + "; only a PLANNED audit starts.");
        }
        Map<String, Object> variables = InternalAuditVariables.AUDIT_ID.putInto(new LinkedHashMap<>(), auditId);
        if (note != null && !note.isBlank()) {
            GateVariables.TRIGGER_DETAIL.putInto(variables, note.strip());
        }
        String instance = runtimeService.startProcessInstanceByKey(InternalAuditVariables.KEY, variables).getId();
        return audits.findByProcessInstanceId(instance).orElseThrow();
    }

    /**
     * The process's first step: the audit must be PLANNED and both its lead auditor and whoever starts it independent
     * of its scope (403 otherwise); its checklist is generated and its gate run opened. A retried step finds it open.
     */
    InternalAudit open(String processInstanceId, Long auditId, String startedBy, String note) {
        InternalAudit audit = require(auditId);
        if (processInstanceId.equals(audit.getProcessInstanceId())) {
            return audit;
        }
        if (audit.getStatus() != InternalAudit.Status.PLANNED) {
            throw new ConflictException("auditId", "Internal audit " + auditId + " is " + audit.getStatus()
                    + "; only a PLANNED audit starts.");
        }
        Checklist checklist = checklist(audit.getScopeControlIds());
        for (String auditor : new LinkedHashSet<>(List.of(audit.getLeadAuditor(), startedBy))) {
            List<String> conflicts = independence.conflicts(auditor, audit.getScopeSystemIds(),
                    checklist.controlIds());
            if (!conflicts.isEmpty()) {
                throw new AuditorIndependenceViolation(auditor, conflicts);
            }
        }
        checklist.lines().forEach(line -> items.save(new AuditItem(auditId, line.controlId(), line.title(),
                line.owner())));
        GateRun run = gates.open(processInstanceId, GateKind.INTERNAL_AUDIT, null, startedBy, "PROGRAMME",
                "Internal audit " + auditId + ": " + audit.getTitle() + (note == null ? "" : "\n" + note));
        audit.start(processInstanceId, run.getId(), checklist.source(), clock.instant());
        return audit;
    }

    void recordPlan(Long auditId, String auditPlan) {
        if (auditPlan == null || auditPlan.isBlank() || auditPlan.strip().length() < 20 || auditPlan.length() > 8000) {
            throw new InvalidCommandException("auditPlan", "must be 20 to 8000 characters");
        }
        require(auditId).plan(auditPlan.strip());
    }

    /** Why this user may not work on the audit (empty when independent of its scope). */
    @Transactional(readOnly = true)
    List<String> conflictsOf(String user, Long auditId) {
        InternalAudit audit = require(auditId);
        Set<String> controlIds = new TreeSet<>();
        itemsOf(auditId).forEach(item -> controlIds.add(item.getControlId()));
        return independence.conflicts(user, audit.getScopeSystemIds(), controlIds);
    }

    /**
     * Records a checklist item's test while the audit's fieldwork is open, by an independent auditor; the sample must
     * name evidence revisions that exist, the system one of the audit's scope.
     */
    AuditItem test(Long auditId, String controlId, ItemTest test, String auditor) {
        Commands.validate(test);
        Set<Long> sample = new TreeSet<>(test.evidenceRevisionIds());
        Set<Long> found = new TreeSet<>();
        evidence.revisions(sample).forEach(revision -> found.add(revision.id()));
        Set<Long> missing = new TreeSet<>(sample);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new InvalidCommandException("evidenceRevisionIds", "no evidence revision " + missing);
        }
        InternalAudit audit = require(auditId);
        AuditItem item = items.findByAuditIdAndControlId(auditId, controlId).orElseThrow(() -> new NotFoundException(
                "controlId", "Internal audit " + auditId + " has no checklist item " + controlId + "."));
        boolean fieldworkOpen = audit.getProcessInstanceId() != null && engine.withoutUserAuthorization(() ->
                taskService.createTaskQuery().processInstanceId(audit.getProcessInstanceId())
                        .taskDefinitionKey(FIELDWORK_TASK).count() > 0);
        if (!fieldworkOpen) {
            throw new ConflictException("auditId", "Internal audit " + auditId + " is not in its fieldwork: its "
                    + "checklist is tested while the fieldwork task is open.");
        }
        List<String> conflicts = conflictsOf(auditor, auditId);
        if (!conflicts.isEmpty()) {
            throw new ForbiddenException("auditor", "Auditor independence: " + auditor + " cannot audit this scope. "
                    + String.join(" ", conflicts));
        }
        if (test.systemId() != null && !audit.getScopeSystemIds().contains(test.systemId())) {
            throw new InvalidCommandException("systemId", "AI system " + test.systemId() + " is not in the audit's "
                    + "scope");
        }
        item.tested(test.result(), sample, test.systemId(), test.notes(), auditor, clock.instant());
        return item;
    }

    /** The fieldwork ends only when every checklist item has been tested (400 naming the untested ones). */
    @Transactional(readOnly = true)
    void requireFieldworkDone(Long auditId) {
        List<String> untested = itemsOf(auditId).stream().filter(i -> i.getResult() == AuditItem.Result.NOT_TESTED)
                .map(AuditItem::getControlId).toList();
        if (!untested.isEmpty()) {
            throw new BadUserRequestException("The fieldwork is not done: checklist items not tested yet: "
                    + String.join(", ", untested) + " (PUT /api/internal-audits/" + auditId + "/checklist/{controlId})");
        }
    }

    /** The findings: how many items are nonconformities. */
    @Transactional(readOnly = true)
    long nonconformityCount(Long auditId) {
        return itemsOf(auditId).stream().filter(i -> i.getResult() == AuditItem.Result.NONCONFORMITY).count();
    }

    /**
     * Each nonconforming item starts the existing nonconformity process (source INTERNAL_AUDIT), which registers it and
     * opens its corrective action; the item keeps the nonconformity's id. A retried step raises none twice.
     */
    List<Long> raiseNonconformities(Long auditId) {
        InternalAudit audit = require(auditId);
        List<Long> raised = new ArrayList<>();
        for (AuditItem item : itemsOf(auditId)) {
            if (item.getResult() != AuditItem.Result.NONCONFORMITY || item.getNonconformityId() != null) {
                continue;
            }
            String requirement = ("ISO/IEC 42001 Annex A " + item.getControlId() + " " + item.getControlTitle());
            String description = "Internal audit " + auditId + " (" + audit.getTitle() + "), criteria: "
                    + audit.getCriteria() + "\nFinding: " + item.getNotes() + "\nSample: "
                    + (item.getSample().isEmpty() ? "no evidence found" : "evidence revisions " + item.getSample())
                    + "\nTested by " + item.getTestedBy() + " at " + item.getTestedAt() + ".";
            NonconformityReport report = new NonconformityReport(item.getSystemId(), NonconformitySource.INTERNAL_AUDIT,
                    requirement.length() > 200 ? requirement.substring(0, 200) : requirement,
                    description.length() > 4000 ? description.substring(0, 3997) + "..." : description);
            String instance = runtimeService.startProcessInstanceByKey(IncidentProcess.NONCONFORMITY_KEY,
                    report.asVariables()).getId();
            Long nonconformityId = nonconformities.requireByProcessInstance(instance).getId();
            item.raised(nonconformityId);
            raised.add(nonconformityId);
        }
        return raised;
    }

    void recordReport(Long auditId, String reportSummary, String conclusion) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (reportSummary == null || reportSummary.strip().length() < 20 || reportSummary.length() > 8000) {
            errors.put("reportSummary", "must be 20 to 8000 characters");
        }
        if (conclusion == null || !List.of("CONFORMING", "CONFORMING_WITH_OBSERVATIONS", "NONCONFORMING")
                .contains(conclusion)) {
            errors.put("conclusion", "must be CONFORMING, CONFORMING_WITH_OBSERVATIONS or NONCONFORMING");
        } else if (nonconformityCount(auditId) > 0 && !"NONCONFORMING".equals(conclusion)) {
            errors.put("conclusion", "must be NONCONFORMING: the checklist has nonconformities");
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        require(auditId).report(reportSummary.strip(), conclusion);
    }

    /**
     * The board accepted the report: the gate run PASSED in the Accountable's name, the audit CLOSED, and a recurring
     * audit's next occurrence planned in the programme.
     */
    InternalAudit close(Long auditId, Long gateId) {
        InternalAudit audit = require(auditId);
        if (audit.getStatus() == InternalAudit.Status.CLOSED) {
            return audit;
        }
        GateDecision accountable = gates.lastAccountableDecision(gateId);
        gates.close(gateId, GateRunStatus.PASSED, accountable.getDecidedBy(), accountable.getRationale());
        Long next = audit.getFrequency().next(audit.getPlannedStart())
                .map(start -> audits.save(audit.nextOccurrence(start, accountable.getDecidedBy(), clock.instant()))
                        .getId())
                .orElse(null);
        audit.close(clock.instant(), next);
        return audit;
    }

    @Transactional(readOnly = true)
    InternalAudit require(Long auditId) {
        return audits.findById(auditId).orElseThrow(() -> new NotFoundException("auditId", "No internal audit "
                + auditId + "."));
    }

    @Transactional(readOnly = true)
    List<InternalAudit> programme(int year) {
        return audits.findByProgrammeYearOrderByPlannedStartAscIdAsc(year);
    }

    @Transactional(readOnly = true)
    List<AuditItem> itemsOf(Long auditId) {
        return items.findByAuditIdOrderByIdAsc(auditId);
    }

    @Transactional(readOnly = true)
    List<GateDecision> decisionsOf(InternalAudit audit) {
        return audit.getGateRunId() == null ? List.of() : gates.decisionsOf(audit.getGateRunId());
    }

    @Transactional(readOnly = true)
    List<EvidenceRevision> sampleOf(AuditItem item) {
        return evidence.revisions(item.getSample());
    }
}
