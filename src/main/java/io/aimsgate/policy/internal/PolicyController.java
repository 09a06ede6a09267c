package io.aimsgate.policy.internal;

import static io.aimsgate.policy.PolicyApprovalProcess.*;

import io.aimsgate.gate.GateDecisions;
import io.aimsgate.policy.PolicyAcknowledgement;
import io.aimsgate.policy.PolicyCommands.NewPolicyDocument;
import io.aimsgate.policy.PolicyCommands.PolicyDraft;
import io.aimsgate.policy.PolicyDocument;
import io.aimsgate.policy.PolicyService;
import io.aimsgate.policy.PolicyVersion;
import io.aimsgate.policy.PolicyVersionStatus;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policies of the management system over /api/policies: documents, versions through the approval gate, and who
 * has acknowledged the version in force (clauses 5.2 and 7.3).
 */
@RestController
@RequestMapping("/api/policies")
class PolicyController {

    private final PolicyService policies;
    private final GateDecisions gates;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;

    PolicyController(PolicyService policies, GateDecisions gates, TaskService taskService,
            IdentityService identityService, CurrentUser currentUser) {
        this.policies = policies;
        this.gates = gates;
        this.taskService = taskService;
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List the policies",
            description = "Every policy document of the management system with the number of its version in force, "
                    + "its next review date and the version on its way through the approval gate, if any.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    List<PolicyDocumentView> list() {
        return policies.documents().stream().map(this::view).toList();
    }

    @Operation(summary = "Create a policy document",
            description = "A new policy (e.g. the AI policy of ISO/IEC 42001 clause 5.2) with its key, title, purpose "
                    + "and review interval (ISO-8601 period, yearly unless given). Its text comes with its first "
                    + "version (POST /api/policies/{documentKey}/versions).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'governance-board')")
    @Transactional
    PolicyDocumentView create(@RequestBody NewPolicyDocument command) {
        return view(policies.createDocument(command, currentUser.id()));
    }

    @Operation(summary = "Read a policy document",
            description = "The policy with every version: status, change summary, who drafted it and when it was "
                    + "published or superseded.")
    @GetMapping("/{documentKey}")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    PolicyDetailView get(@PathVariable String documentKey) {
        PolicyDocument document = policies.requireDocument(documentKey);
        return new PolicyDetailView(view(document), policies.versionsOf(document).stream()
                .map(v -> summary(document, v)).toList());
    }

    @Operation(summary = "Draft a policy version and start its approval",
            description = "Drafts the next version of the policy (Markdown text and what changed) and starts the "
                    + "policy-approval gate: legal and ethics review, then the governance board's approval; "
                    + "approved, it is published, the Informed groups are told, and every member of the "
                    + "Responsible and Accountable groups of policy-acknowledgement gets a task to acknowledge it. "
                    + "Refused (409) while another version of the policy awaits its decision.")
    @PostMapping("/{documentKey}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ai-product-owners')")
    @Transactional
    PolicyVersionView draft(@PathVariable String documentKey, @RequestBody PolicyDraft draft) {
        PolicyDocument document = policies.requireDocument(documentKey);
        PolicyVersion version = policies.draft(document, draft, currentUser.id());
        policies.startApproval(version, false);
        return view(document, version);
    }

    @Operation(summary = "Read a policy version",
            description = "The version's text, status, the decisions of its approval gate run (who, which role, "
                    + "rationale) and the acknowledgements requested and given.")
    @GetMapping("/{documentKey}/versions/{versionNumber}")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    PolicyVersionView version(@PathVariable String documentKey, @PathVariable Long versionNumber) {
        PolicyDocument document = policies.requireDocument(documentKey);
        return view(document, policies.requireVersion(document, versionNumber));
    }

    @Operation(summary = "List the acknowledgements of a policy version",
            description = "Everyone asked to acknowledge the published version, when they were asked, when they "
                    + "acknowledged it and how many reminders they were sent.")
    @GetMapping("/{documentKey}/versions/{versionNumber}/acknowledgements")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    AcknowledgementsView acknowledgements(@PathVariable String documentKey, @PathVariable Long versionNumber) {
        PolicyDocument document = policies.requireDocument(documentKey);
        return acknowledgements(policies.requireVersion(document, versionNumber));
    }

    @Operation(summary = "Acknowledge a policy version",
            description = "The caller confirms having read the published version ({\"acknowledged\": true}): "
                    + "completes their own acknowledgement task (the same as in Tasklist). Refused (409) when the "
                    + "caller has no open acknowledgement of this version (not asked, already acknowledged, or the "
                    + "version is not in force).")
    @PostMapping("/{documentKey}/versions/{versionNumber}/acknowledgement")
    @PreAuthorize("@access.isParticipant()")
    @Transactional
    AcknowledgementView acknowledge(@PathVariable String documentKey, @PathVariable Long versionNumber,
            @RequestBody AcknowledgementRequest request) {
        Commands.validate(request);
        PolicyDocument document = policies.requireDocument(documentKey);
        PolicyVersion version = policies.requireVersion(document, versionNumber);
        String me = currentUser.id();
        Task task = version.getStatus() != PolicyVersionStatus.PUBLISHED || version.getProcessInstanceId() == null
                ? null
                : taskService.createTaskQuery().processInstanceId(version.getProcessInstanceId())
                        .taskDefinitionKey(TASK_ACKNOWLEDGE).taskAssignee(me).singleResult();
        if (task == null) {
            throw new ConflictException("versionNumber", me + " has no open acknowledgement of " + document.getTitle()
                    + " version " + versionNumber + " (status " + version.getStatus() + ").");
        }
        identityService.setAuthentication(me, List.copyOf(currentUser.groups()));
        try {
            taskService.complete(task.getId(), Map.of(ACKNOWLEDGED, true));
        } finally {
            identityService.clearAuthentication();
        }
        return policies.acknowledgementsOf(version).stream().filter(a -> a.getUserId().equals(me)).findFirst()
                .map(PolicyController::view).orElseThrow();
    }

    private PolicyDocumentView view(PolicyDocument document) {
        List<PolicyVersion> versions = policies.versionsOf(document);
        PolicyVersion published = versions.stream().filter(v -> v.getStatus() == PolicyVersionStatus.PUBLISHED)
                .findFirst().orElse(null);
        Integer open = versions.stream().filter(v -> v.getStatus().isOpen()).map(PolicyVersion::getVersionNumber)
                .findFirst().orElse(null);
        return new PolicyDocumentView(document.getDocumentKey(), document.getTitle(), document.getPurpose(),
                document.getReviewInterval(), document.getCreatedBy(), document.getCreatedAt(),
                published == null ? null : published.getVersionNumber(),
                published == null ? null : published.getPublishedAt(),
                published == null ? null : published.getReviewDue(), open);
    }

    private static VersionSummary summary(PolicyDocument document, PolicyVersion v) {
        return new VersionSummary(document.getDocumentKey(), v.getVersionNumber(), v.getStatus(), v.getChangeSummary(),
                v.getDraftedBy(), v.getDraftedAt(), v.getPublishedAt(), v.getSupersededAt());
    }

    private PolicyVersionView view(PolicyDocument document, PolicyVersion v) {
        List<DecisionView> decisions = v.getGateRunId() == null ? List.of() : gates.decisionsOf(v.getGateRunId())
                .stream().map(d -> new DecisionView(d.getTaskKey(), d.getRaciActivity(),
                        d.getRaciRole() == null ? null : d.getRaciRole().name(), d.getDecision(), d.getDecidedBy(),
                        d.getDecidedAt(), d.getRationale())).toList();
        return new PolicyVersionView(document.getDocumentKey(), document.getTitle(), v.getVersionNumber(),
                v.getStatus(), v.getBody(), v.getChangeSummary(), v.getDraftedBy(), v.getDraftedAt(),
                v.getProcessInstanceId(), v.getGateRunId(), decisions, v.getDecidedAt(), v.getPublishedAt(),
                v.getReviewDue(), v.getSupersededAt(), acknowledgements(v));
    }

    private AcknowledgementsView acknowledgements(PolicyVersion version) {
        List<AcknowledgementView> all = policies.acknowledgementsOf(version).stream().map(PolicyController::view)
                .toList();
        List<String> pending = all.stream().filter(a -> a.acknowledgedAt() == null).map(AcknowledgementView::userId)
                .toList();
        return new AcknowledgementsView(all.size(), all.size() - pending.size(), pending, all);
    }

    private static AcknowledgementView view(PolicyAcknowledgement a) {
        return new AcknowledgementView(a.getUserId(), a.getRequestedAt(), a.getAcknowledgedAt(), a.getRemindersSent());
    }

    /** The caller's confirmation, as the acknowledgement form's checkbox. */
    record AcknowledgementRequest(@NotNull(message = "is required")
            @AssertTrue(message = "must be true: confirm that you have read the policy") Boolean acknowledged) {
    }

    record PolicyDocumentView(String documentKey, String title, String purpose, String reviewInterval,
            String createdBy, Instant createdAt, Integer publishedVersion, Instant publishedAt, LocalDate reviewDue,
            Integer versionInApproval) {
    }

    record PolicyDetailView(PolicyDocumentView document, List<VersionSummary> versions) {
    }

    record VersionSummary(String documentKey, int versionNumber, PolicyVersionStatus status, String changeSummary,
            String draftedBy, Instant draftedAt, Instant publishedAt, Instant supersededAt) {
    }

    record DecisionView(String taskKey, String raciActivity, String raciRole, String decision, String decidedBy,
            Instant decidedAt, String rationale) {
    }

    record PolicyVersionView(String documentKey, String title, int versionNumber, PolicyVersionStatus status,
            String body, String changeSummary, String draftedBy, Instant draftedAt, String processInstanceId,
            Long gateRunId, List<DecisionView> decisions, Instant decidedAt, Instant publishedAt, LocalDate reviewDue,
            Instant supersededAt, AcknowledgementsView acknowledgements) {
    }

    record AcknowledgementsView(int requested, int acknowledged, List<String> pending,
            List<AcknowledgementView> people) {
    }

    record AcknowledgementView(String userId, Instant requestedAt, Instant acknowledgedAt, int remindersSent) {
    }
}
