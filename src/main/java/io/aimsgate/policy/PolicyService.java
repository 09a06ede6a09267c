package io.aimsgate.policy;

import static io.aimsgate.policy.PolicyApprovalProcess.*;

import io.aimsgate.gate.GateDecision;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.policy.PolicyCommands.NewPolicyDocument;
import io.aimsgate.policy.PolicyCommands.PolicyDraft;
import io.aimsgate.raci.GroupNotifier;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.raci.RaciMatrix;
import io.aimsgate.raci.RaciProperties;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.NotFoundException;
import io.aimsgate.shared.PlatformEngineAccess;
import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policies of the management system (clause 5.2, A.2.2-A.2.4) and their awareness (7.3): documents, versions,
 * the approval gate's steps ({@code processes/policy-approval.bpmn}) and who has acknowledged which published version.
 * Every approval is a gate run of kind {@link GateKind#POLICY_APPROVAL}: its decisions are recorded by the one gate
 * decision listener, so RACI routing, segregation of duties and the ledger are those of every gate.
 */
@Service
@Transactional
public class PolicyService {

    private final PolicyDocumentRepository documents;
    private final PolicyVersionRepository versions;
    private final PolicyAcknowledgementRepository acknowledgements;
    private final GateDecisions gates;
    private final RaciMatrix raci;
    private final InformedParties informed;
    private final GroupNotifier notifier;
    private final DecisionLedger ledger;
    private final PolicyProperties properties;
    private final Clock clock;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PlatformEngineAccess engine;

    PolicyService(PolicyDocumentRepository documents, PolicyVersionRepository versions,
            PolicyAcknowledgementRepository acknowledgements, GateDecisions gates, RaciMatrix raci,
            InformedParties informed, GroupNotifier notifier, DecisionLedger ledger, PolicyProperties properties,
            Clock clock, @Lazy RuntimeService runtimeService, @Lazy IdentityService identityService,
            @Lazy PlatformEngineAccess engine) {
        this.documents = documents;
        this.versions = versions;
        this.acknowledgements = acknowledgements;
        this.gates = gates;
        this.raci = raci;
        this.informed = informed;
        this.notifier = notifier;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.engine = engine;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Documents and versions
    // ---------------------------------------------------------------------------------------------------------

    public PolicyDocument createDocument(NewPolicyDocument command, String actor) {
        Commands.validate(command);
        if (documents.findByDocumentKey(command.documentKey()).isPresent()) {
            throw new ConflictException("documentKey", "A policy with the key '" + command.documentKey()
                    + "' exists already.");
        }
        String interval = command.reviewInterval() == null ? properties.reviewInterval() : command.reviewInterval();
        if (Period.parse(interval).isZero()) {
            throw new io.aimsgate.shared.InvalidInputException("reviewInterval", "must be longer than zero days");
        }
        return documents.save(new PolicyDocument(command.documentKey(), command.title(), command.purpose(), interval,
                actor, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<PolicyDocument> documents() {
        return documents.findAllByOrderByDocumentKey();
    }

    @Transactional(readOnly = true)
    public PolicyDocument requireDocument(String documentKey) {
        return documents.findByDocumentKey(documentKey).orElseThrow(() -> new NotFoundException("documentKey",
                "No policy '" + documentKey + "'."));
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> versionsOf(PolicyDocument document) {
        return versions.findByDocumentIdOrderByVersionNumber(document.getId());
    }

    @Transactional(readOnly = true)
    public PolicyVersion requireVersion(PolicyDocument document, long versionNumber) {
        return (versionNumber > Integer.MAX_VALUE ? Optional.<PolicyVersion>empty()
                : versions.findByDocumentIdAndVersionNumber(document.getId(), (int) versionNumber))
                .orElseThrow(() -> new NotFoundException("versionNumber", "Policy '" + document.getDocumentKey()
                        + "' has no version " + versionNumber + "."));
    }

    @Transactional(readOnly = true)
    public PolicyVersion requireVersion(Long versionId) {
        return versions.findById(versionId).orElseThrow(() -> new NotFoundException(POLICY_VERSION_ID,
                "No policy version " + versionId + "."));
    }

    @Transactional(readOnly = true)
    public PolicyDocument documentOf(PolicyVersion version) {
        return documents.findById(version.getDocumentId()).orElseThrow();
    }

    /** The version in force, if any. */
    @Transactional(readOnly = true)
    public Optional<PolicyVersion> published(PolicyDocument document) {
        return versions.findByDocumentIdAndStatus(document.getId(), PolicyVersionStatus.PUBLISHED).stream()
                .findFirst();
    }

    /**
     * A new version of a policy, drafted now: refused (409) while another version of the same policy is still on its
     * way to a decision. The caller starts its approval ({@link #startApproval}).
     */
    public PolicyVersion draft(PolicyDocument document, PolicyDraft draft, String actor) {
        Commands.validate(draft);
        List<PolicyVersion> all = versions.findByDocumentIdOrderByVersionNumber(document.getId());
        all.stream().filter(v -> v.getStatus().isOpen()).findFirst().ifPresent(open -> {
            throw new ConflictException("documentKey", "Version " + open.getVersionNumber() + " of '"
                    + document.getDocumentKey() + "' is " + open.getStatus() + "; it is decided before another "
                    + "version is drafted.");
        });
        return versions.save(new PolicyVersion(document.getId(), versions.maxVersionNumber(document.getId()) + 1,
                draft.body(), draft.changeSummary(), actor, clock.instant()));
    }

    /** Starts the approval gate of a drafted version (in the caller's transaction: both happen, or neither). */
    public String startApproval(PolicyVersion version, boolean revisionRequired) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(POLICY_VERSION_ID, version.getId());
        variables.put(REVISION_REQUIRED, revisionRequired);
        return runtimeService.startProcessInstanceByKey(KEY, variables).getId();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The gate's steps (called by the delegates of policy-approval.bpmn)
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Opens the gate run of a version: the version named by the process (the API door), or a new draft from the
     * start form's fields (the Tasklist door). Safe to run twice.
     */
    public PolicyVersion openApproval(String processInstanceId, Long versionId, String documentKey, PolicyDraft formDraft,
            String actor) {
        PolicyVersion version;
        if (versionId != null) {
            version = requireVersion(versionId);
        } else {
            Optional<PolicyVersion> already = versions.findByProcessInstanceId(processInstanceId);
            version = already.orElseGet(() -> draft(requireDocument(documentKey), formDraft, actor));
        }
        if (version.getStatus() == PolicyVersionStatus.IN_REVIEW
                && processInstanceId.equals(version.getProcessInstanceId())) {
            return version;
        }
        if (version.getStatus() != PolicyVersionStatus.DRAFT) {
            throw new ConflictException(POLICY_VERSION_ID, "Policy version " + version.getId() + " is "
                    + version.getStatus() + "; only a draft enters the approval gate.");
        }
        PolicyDocument document = documentOf(version);
        GateRun run = gates.open(processInstanceId, GateKind.POLICY_APPROVAL, null, actor, "POLICY_VERSION",
                document.getTitle() + " version " + version.getVersionNumber() + ": " + version.getChangeSummary());
        version.inReview(processInstanceId, run.getId());
        return version;
    }

    /** The scheduled revision's new text, delivered in the revision task. */
    public void revise(String processInstanceId, PolicyDraft draft) {
        Commands.validate(draft);
        PolicyVersion version = requireByProcess(processInstanceId);
        version.revise(draft.body(), draft.changeSummary());
    }

    /** The board approved: the version is in force, the one before it superseded, the Informed told. */
    public Published publish(String processInstanceId) {
        PolicyVersion version = requireByProcess(processInstanceId);
        PolicyDocument document = documentOf(version);
        GateDecision approval = gates.lastAccountableDecision(version.getGateRunId());
        GateRun run = gates.require(version.getGateRunId());
        if (run.isOpen()) {
            gates.close(run.getId(), GateRunStatus.PASSED, approval.getDecidedBy(), approval.getRationale());
        }
        Optional<String> superseded = Optional.empty();
        if (version.getStatus() != PolicyVersionStatus.PUBLISHED) {
            Instant now = clock.instant();
            for (PolicyVersion previous : versions.findByDocumentIdAndStatus(document.getId(),
                    PolicyVersionStatus.PUBLISHED)) {
                previous.supersede(now);
                superseded = Optional.ofNullable(previous.getProcessInstanceId());
            }
            version.publish(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plus(Period.parse(
                    document.getReviewInterval())));
            for (String user : acknowledgersOf()) {
                if (acknowledgements.findByVersionIdAndUserId(version.getId(), user).isEmpty()) {
                    acknowledgements.save(new PolicyAcknowledgement(version.getId(), user, now));
                }
            }
            informed.tell(ACTIVITY_APPROVAL, "Published: " + document.getTitle() + " version "
                    + version.getVersionNumber(), document.getTitle() + " version " + version.getVersionNumber()
                    + " was approved by " + approval.getDecidedBy() + " and is in force from today.\n\nWhat changed: "
                    + version.getChangeSummary() + "\n\nNext review due: " + version.getReviewDue());
        }
        List<String> acknowledgers = acknowledgements.findByVersionIdOrderByUserId(version.getId()).stream()
                .filter(a -> !a.isAcknowledged()).map(PolicyAcknowledgement::getUserId).toList();
        return new Published(version, acknowledgers, superseded);
    }

    /** What publishing leaves the process to do: ask these people to acknowledge, end the superseded version's watch. */
    public record Published(PolicyVersion version, List<String> acknowledgers,
            Optional<String> supersededProcessInstanceId) {
    }

    /** Ends the superseded version's acknowledgements and review timer (its instance may have ended already). */
    public void endSuperseded(String processInstanceId) {
        runtimeService.createMessageCorrelation(MESSAGE_SUPERSEDED).processInstanceId(processInstanceId)
                .correlateAllWithResult();
    }

    /** A reviewer or the board rejected: the version is rejected with the rejecting decision's rationale. */
    public PolicyVersion reject(String processInstanceId) {
        PolicyVersion version = requireByProcess(processInstanceId);
        GateRun run = gates.require(version.getGateRunId());
        if (run.isOpen()) {
            GateDecision rejection = gates.lastDecisionOf(run.getId(), Set.of(GateDecisions.REJECT)).orElseThrow(
                    () -> new IllegalStateException("Policy gate run " + run.getId() + " has no REJECT to record"));
            gates.close(run.getId(), GateRunStatus.REJECTED, rejection.getDecidedBy(), rejection.getRationale());
            version.reject(clock.instant());
            PolicyDocument document = documentOf(version);
            informed.tell(ACTIVITY_APPROVAL, "Rejected: " + document.getTitle() + " version "
                    + version.getVersionNumber(), document.getTitle() + " version " + version.getVersionNumber()
                    + " was rejected by " + rejection.getDecidedBy() + ": " + rejection.getRationale());
        }
        return version;
    }

    /**
     * Who acknowledges every published version: the members of the Responsible and Accountable groups of the RACI
     * activity {@code policy-acknowledgement}, from the identity service.
     */
    @Transactional(readOnly = true)
    public List<String> acknowledgersOf() {
        RaciProperties.Activity activity = raci.activities().get(ACTIVITY_ACKNOWLEDGEMENT);
        if (activity == null) {
            throw new IllegalStateException("RACI activity '" + ACTIVITY_ACKNOWLEDGEMENT + "' is not in the matrix");
        }
        Set<String> groups = new LinkedHashSet<>(activity.responsible());
        groups.add(activity.accountable());
        return engine.withoutUserAuthorization(() -> {
            Set<String> users = new TreeSet<>();
            for (String group : groups) {
                identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
                        .forEach(users::add);
            }
            return List.copyOf(users);
        });
    }

    /** Records that the user acknowledged the version (the acknowledgement task's listener). */
    public PolicyAcknowledgement acknowledge(String processInstanceId, String user) {
        PolicyVersion version = requireByProcess(processInstanceId);
        PolicyAcknowledgement acknowledgement = acknowledgements.findByVersionIdAndUserId(version.getId(), user)
                .orElseGet(() -> acknowledgements.save(new PolicyAcknowledgement(version.getId(), user,
                        clock.instant())));
        if (!acknowledgement.isAcknowledged()) {
            acknowledgement.acknowledge(clock.instant());
            PolicyDocument document = documentOf(version);
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("policy", document.getDocumentKey());
            snapshot.put("versionNumber", version.getVersionNumber());
            snapshot.put("acknowledgedBy", user);
            ledger.append(new LedgerRecord("POLICY_ACKNOWLEDGED", null, "POLICY_VERSION",
                    String.valueOf(version.getId()), null, document.getTitle() + " version "
                            + version.getVersionNumber() + " read and acknowledged", processInstanceId, null,
                    snapshot));
        }
        return acknowledgement;
    }

    /** Reminds whoever has not yet acknowledged the version; returns who was reminded. */
    public List<String> remindPending(String processInstanceId) {
        PolicyVersion version = requireByProcess(processInstanceId);
        if (version.getStatus() != PolicyVersionStatus.PUBLISHED) {
            return List.of();
        }
        List<PolicyAcknowledgement> pending = acknowledgements.findByVersionIdOrderByUserId(version.getId()).stream()
                .filter(a -> !a.isAcknowledged()).toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        pending.forEach(PolicyAcknowledgement::reminded);
        List<String> users = pending.stream().map(PolicyAcknowledgement::getUserId).toList();
        PolicyDocument document = documentOf(version);
        RaciProperties.Activity activity = raci.activities().get(ACTIVITY_ACKNOWLEDGEMENT);
        Set<String> groups = new LinkedHashSet<>(activity.responsible());
        groups.add(activity.accountable());
        for (String group : groups) {
            notifier.notifyGroup(group, "Reminder: please acknowledge " + document.getTitle() + " version "
                    + version.getVersionNumber(), "Not yet acknowledged by: " + String.join(", ", users)
                    + ".\nOpen your task 'Acknowledge the policy' in Tasklist, or POST /api/policies/"
                    + document.getDocumentKey() + "/versions/" + version.getVersionNumber() + "/acknowledgement.");
        }
        return users;
    }

    /**
     * The review date of a published version has come: a new draft (the same text) starts its approval, and the
     * policy owners revise it first. Nothing happens when the version is no longer in force or a newer version is
     * already on its way (safe to run twice). Returns the new version, if one was drafted.
     */
    public Optional<PolicyVersion> startScheduledRevision(String processInstanceId) {
        PolicyVersion version = requireByProcess(processInstanceId);
        PolicyDocument document = documentOf(version);
        if (version.getStatus() != PolicyVersionStatus.PUBLISHED || versions.findByDocumentIdOrderByVersionNumber(
                document.getId()).stream().anyMatch(v -> v.getStatus().isOpen())) {
            return Optional.empty();
        }
        PolicyVersion revision = versions.save(new PolicyVersion(document.getId(),
                versions.maxVersionNumber(document.getId()) + 1, version.getBody(), "Scheduled review of version "
                        + version.getVersionNumber() + " (due " + version.getReviewDue() + ")", Actors.PLATFORM,
                clock.instant()));
        startApproval(revision, true);
        return Optional.of(revision);
    }

    /** The acknowledgements requested for a version, in user order. */
    @Transactional(readOnly = true)
    public List<PolicyAcknowledgement> acknowledgementsOf(PolicyVersion version) {
        return acknowledgements.findByVersionIdOrderByUserId(version.getId());
    }

    @Transactional(readOnly = true)
    public PolicyVersion requireByProcess(String processInstanceId) {
        return versions.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new NotFoundException(
                "processInstanceId", "No policy version is approved in process instance " + processInstanceId + "."));
    }

    public String reminderCycle() {
        return properties.acknowledgementReminderCycle();
    }
}
