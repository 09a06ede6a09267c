package io.aimsgate.internalaudit.internal;

import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.gate.GateDecision;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.Size;
import io.aimsgate.shared.InvalidCommandException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal audit programme and its audits (clause 9.2): /api/internal-audits. Auditors and the governance board
 * plan audits; an auditor starts one (its process: plan, fieldwork, findings, report, the board's acceptance) and
 * records each checklist item's test against sampled evidence while the fieldwork is open.
 */
@RestController
@RequestMapping("/api/internal-audits")
class InternalAuditController {

    private final InternalAudits audits;
    private final CurrentUser currentUser;
    private final Clock clock;

    InternalAuditController(InternalAudits audits, CurrentUser currentUser, Clock clock) {
        this.audits = audits;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Operation(summary = "Read the internal audit programme",
            description = "The audits planned for a year (default: the current year), each with its scope (AI systems "
                    + "and Annex A controls), criteria, frequency, lead auditor and status (ISO/IEC 42001 clause 9.2.2).")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    ProgrammeView programme(@RequestParam(required = false) Integer year) {
        int programmeYear = year == null ? LocalDate.now(clock).getYear() : year;
        if (programmeYear < 2000 || programmeYear > 2200) {
            throw new InvalidCommandException("year", "must be a year between 2000 and 2200");
        }
        return new ProgrammeView(programmeYear, audits.programme(programmeYear).stream().map(this::summary).toList());
    }

    @Operation(summary = "Plan an internal audit",
            description = "Adds an audit to the programme of its start year: title, scope (AI systems, Annex A "
                    + "controls or both), criteria, frequency (ONE_OFF, QUARTERLY, SEMI_ANNUAL, ANNUAL: a recurring "
                    + "audit plans its next occurrence when it closes) and the lead auditor, a member of the auditors "
                    + "group who must be independent of the scope (403 when they own a control in scope or hold a "
                    + "RACI role for a system in scope). Named controls must be applicable in the Statement of "
                    + "Applicability.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('auditors', 'governance-board')")
    @Transactional
    AuditView plan(@RequestBody AuditPlanning plan) {
        return view(audits.plan(plan, currentUser.id()));
    }

    @Operation(summary = "Read an internal audit",
            description = "The audit with its checklist (one item per applicable control in scope: result, the "
                    + "sampled evidence revisions, notes, who tested it, the nonconformity it raised), its plan, "
                    + "report and the decisions of its gate run.")
    @GetMapping("/{auditId}")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    AuditView get(@PathVariable Long auditId) {
        return view(audits.require(auditId));
    }

    @Operation(summary = "Start an internal audit",
            description = "Starts the audit's process (internal-audit) as the calling auditor, with an optional note "
                    + "(why now, up to 4000 characters): the lead auditor and "
                    + "the caller must be independent of the scope (403 otherwise), the checklist is generated from "
                    + "the applicable controls in scope and the plan task opens in Tasklist. Only a PLANNED audit "
                    + "starts (409 otherwise).")
    @PostMapping("/{auditId}/start")
    @PreAuthorize("hasAuthority('auditors')")
    @Transactional
    AuditView start(@PathVariable Long auditId, @RequestBody StartRequest request) {
        Commands.validate(request);
        return view(audits.start(auditId, request.note()));
    }

    /** The body of a start: an optional note on why the audit starts now (kept as its gate run's trigger detail). */
    record StartRequest(@MultiLine @Size(max = 4000) String note) {
    }

    @Operation(summary = "Record a checklist item's test",
            description = "While the audit's fieldwork task is open (409 otherwise), an independent auditor (403 "
                    + "otherwise) records the item's result (CONFORMS, OBSERVATION, NONCONFORMITY), the sample of "
                    + "evidence revisions it was tested against (ids of evidence revisions; at least one unless the "
                    + "nonconformity is missing evidence), the AI system of the scope it concerns and the notes (required "
                    + "for an observation or a nonconformity). Each NONCONFORMITY starts a nonconformity and its "
                    + "corrective action when the fieldwork completes.")
    @PutMapping("/{auditId}/checklist/{controlId}")
    @PreAuthorize("hasAuthority('auditors')")
    @Transactional
    ItemView test(@PathVariable Long auditId, @PathVariable String controlId, @RequestBody ItemTest test) {
        return item(audits.test(auditId, controlId, test, currentUser.id()));
    }

    private AuditSummary summary(InternalAudit audit) {
        return new AuditSummary(audit.getId(), audit.getTitle(), sorted(audit.getScopeSystemIds()),
                sortedText(audit.getScopeControlIds()), audit.getCriteria(), audit.getFrequency(),
                audit.getPlannedStart(), audit.getLeadAuditor(), audit.getStatus(), audit.getConclusion());
    }

    private AuditView view(InternalAudit audit) {
        return new AuditView(audit.getId(), audit.getProgrammeYear(), audit.getTitle(),
                sorted(audit.getScopeSystemIds()), sortedText(audit.getScopeControlIds()), audit.getCriteria(),
                audit.getFrequency(), audit.getPlannedStart(), audit.getLeadAuditor(), audit.getStatus(),
                audit.getProcessInstanceId(), audit.getGateRunId(), audit.getChecklistSource(), audit.getAuditPlan(),
                audit.getReportSummary(), audit.getConclusion(), audit.getPlannedBy(), audit.getPlannedAt(),
                audit.getStartedAt(), audit.getClosedAt(), audit.getNextAuditId(),
                audits.itemsOf(audit.getId()).stream().map(this::item).toList(),
                audits.decisionsOf(audit).stream().map(DecisionView::of).toList());
    }

    private ItemView item(AuditItem item) {
        return new ItemView(item.getControlId(), item.getControlTitle(), item.getControlOwner(), item.getResult(),
                item.getSystemId(), audits.sampleOf(item).stream().map(SampleView::of).toList(), item.getNotes(),
                item.getTestedBy(), item.getTestedAt(), item.getNonconformityId());
    }

    private static List<Long> sorted(Set<Long> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }

    private static List<String> sortedText(Set<String> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }

    record ProgrammeView(int year, List<AuditSummary> audits) {
    }

    record AuditSummary(Long id, String title, List<Long> scopeSystemIds, List<String> scopeControlIds,
            String criteria, InternalAudit.Frequency frequency, LocalDate plannedStart, String leadAuditor,
            InternalAudit.Status status, String conclusion) {
    }

    record AuditView(Long id, int programmeYear, String title, List<Long> scopeSystemIds, List<String> scopeControlIds,
            String criteria, InternalAudit.Frequency frequency, LocalDate plannedStart, String leadAuditor,
            InternalAudit.Status status, String processInstanceId, Long gateRunId, String checklistSource,
            String auditPlan, String reportSummary, String conclusion, String plannedBy, Instant plannedAt,
            Instant startedAt, Instant closedAt, Long nextAuditId, List<ItemView> checklist,
            List<DecisionView> decisions) {
    }

    record ItemView(String controlId, String controlTitle, String controlOwner, AuditItem.Result result,
            Long systemId, List<SampleView> sample, String notes, String testedBy, Instant testedAt,
            Long nonconformityId) {
    }

    record SampleView(long evidenceRevisionId, long fileId, int revision, String kind, String fileName, String sha256,
            Instant uploadedAt) {

        static SampleView of(EvidenceRevision revision) {
            return new SampleView(revision.id(), revision.fileId(), revision.revision(), revision.kind(),
                    revision.fileName(), revision.sha256(), revision.uploadedAt());
        }
    }

    record DecisionView(String taskKey, String raciActivity, String raciRole, String decision, String rationale,
            String decidedBy, Instant decidedAt) {

        static DecisionView of(GateDecision d) {
            return new DecisionView(d.getTaskKey(), d.getRaciActivity(), d.getRaciRole() == null ? null
                    : d.getRaciRole().name(), d.getDecision(), d.getRationale(), d.getDecidedBy(), d.getDecidedAt());
        }
    }
}
