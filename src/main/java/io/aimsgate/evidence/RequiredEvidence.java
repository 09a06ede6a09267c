package io.aimsgate.evidence;

import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.TransactionMemo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one declaration of the evidence each gate needs before it may pass (issue 16), and the check the gates call:
 * <ul>
 *   <li>inception of a high-risk system (EU AI Act tier HIGH): an impact assessment;</li>
 *   <li>verification &amp; validation: a validation report and a model card;</li>
 *   <li>deployment: a model card of the version being deployed (its current one);</li>
 *   <li>retirement: a data disposal record.</li>
 * </ul>
 * For the life-cycle gates a file counts when it is attached to the system, one of its model versions or the gate
 * run; its latest revision counts, and a latest revision whose expiry date has passed blocks like a missing file.
 * <p>
 * A transaction reads the files of a subject once ({@link #attached}, kept in a {@link TransactionMemo}): the forms of
 * two tasks created together, the approval's check and the state it binds ask about the same version. A revision
 * stored in the transaction ({@link EvidenceRevisionStored}) empties what it kept.
 */
@Service
@Transactional(readOnly = true)
public class RequiredEvidence {

    /** Gate kinds by name: the life-cycle gates' kinds and the deployment gate. */
    static final Map<String, Set<EvidenceKind>> REQUIRED = Map.of(
            "INCEPTION", EnumSet.of(EvidenceKind.IMPACT_ASSESSMENT),
            "VERIFICATION_AND_VALIDATION", EnumSet.of(EvidenceKind.VALIDATION_REPORT, EvidenceKind.MODEL_CARD),
            "DEPLOYMENT", EnumSet.of(EvidenceKind.MODEL_CARD),
            "RETIREMENT", EnumSet.of(EvidenceKind.DATA_DISPOSAL_RECORD));

    private final EvidenceService evidence;
    private final InventoryService inventory;
    private final Clock clock;
    private final TransactionMemo<Map<EvidenceSubject, List<EvidenceRevision>>> attachedInTransaction =
            new TransactionMemo<>(HashMap::new);

    RequiredEvidence(EvidenceService evidence, InventoryService inventory, Clock clock) {
        this.evidence = evidence;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** The kinds the gate requires of this system (inception only of a high-risk one); empty when none. */
    public Set<EvidenceKind> requiredKinds(String gateKind, long systemId) {
        Set<EvidenceKind> kinds = REQUIRED.getOrDefault(gateKind, Set.of());
        if ("INCEPTION".equals(gateKind) && inventory.requireSystem(systemId).getEuAiActTier() != EuAiActTier.HIGH) {
            return Set.of();
        }
        return kinds;
    }

    /** The current revision of every file that counts for a gate asking about this subject, oldest file first. */
    public List<EvidenceRevision> attached(EvidenceSubject subject) {
        Map<EvidenceSubject, List<EvidenceRevision>> kept = attachedInTransaction.current();
        if (kept == null) {
            return read(subject);
        }
        List<EvidenceRevision> attached = kept.get(subject);
        if (attached == null) {
            attached = read(subject);
            kept.put(subject, attached);
        }
        return attached;
    }

    private List<EvidenceRevision> read(EvidenceSubject subject) {
        return candidates(subject).stream().filter(revision -> counts(revision, subject)).toList();
    }

    /** A revision stored in this transaction (an upload): what the transaction kept of the files is read again. */
    @EventListener
    void revisionStored(EvidenceRevisionStored stored) {
        attachedInTransaction.forget();
    }

    /**
     * The current revisions that may count for the subject: for a model version only its own files (read by the
     * subject's index), otherwise every file of the system; {@link #counts} then decides, as for every file.
     */
    private List<EvidenceRevision> candidates(EvidenceSubject subject) {
        return subject.versionId() != null ? evidence.currentRevisions(subject.systemId(),
                EvidenceSubjectType.MODEL_VERSION, subject.versionId().toString())
                : evidence.currentRevisions(subject.systemId());
    }

    /** What keeps the gate from passing: one sentence per required kind that is missing or expired; empty when none. */
    public List<String> missing(String gateKind, EvidenceSubject subject) {
        Set<EvidenceKind> required = requiredKinds(gateKind, subject.systemId());
        if (required.isEmpty()) {
            return List.of();
        }
        return missing(required, subject, attached(subject));
    }

    /**
     * The same, for a caller that has just read {@link #attached} for the subject in this transaction (e.g. to list
     * it): the files are not read a second time.
     */
    public List<String> missing(String gateKind, EvidenceSubject subject, List<EvidenceRevision> attached) {
        Set<EvidenceKind> required = requiredKinds(gateKind, subject.systemId());
        if (required.isEmpty()) {
            return List.of();
        }
        return missing(required, subject, attached);
    }

    private List<String> missing(Set<EvidenceKind> required, EvidenceSubject subject, List<EvidenceRevision> attached) {
        LocalDate today = LocalDate.now(clock);
        List<String> reasons = new ArrayList<>();
        for (EvidenceKind kind : required) {
            List<EvidenceRevision> ofKind = attached.stream().filter(r -> r.kind().equals(kind.name())).toList();
            if (ofKind.isEmpty()) {
                reasons.add("Required evidence missing: " + kind.label() + " (" + kind.name() + ")"
                        + (subject.versionId() != null ? " of this model version." : "."));
            } else if (ofKind.stream().allMatch(r -> r.expiresOn() != null && !r.expiresOn().isAfter(today))) {
                EvidenceRevision last = ofKind.get(ofKind.size() - 1);
                reasons.add("Required evidence expired: " + kind.label() + " (" + kind.name() + ") '"
                        + last.fileName() + "' expired on " + last.expiresOn() + ".");
            }
        }
        return reasons;
    }

    /**
     * The latest revision of every file of a required kind that counts for the gate (expired ones included), in file
     * order: what a deployment approval is bound to (their SHA-256 digests).
     */
    public List<EvidenceRevision> currentRequired(String gateKind, EvidenceSubject subject) {
        Set<EvidenceKind> required = requiredKinds(gateKind, subject.systemId());
        if (required.isEmpty()) {
            return List.of();
        }
        Set<String> kinds = new java.util.HashSet<>();
        required.forEach(kind -> kinds.add(kind.name()));
        return attached(subject).stream().filter(revision -> kinds.contains(revision.kind())).toList();
    }

    /** Whether a revision of this kind attached to this subject counts for the gate. */
    public boolean isRequired(String gateKind, EvidenceSubject subject, EvidenceRevision revision) {
        return requiredKinds(gateKind, subject.systemId()).stream().anyMatch(k -> k.name().equals(revision.kind()))
                && counts(revision, subject);
    }

    private static boolean counts(EvidenceRevision revision, EvidenceSubject subject) {
        EvidenceSubjectType type = EvidenceSubjectType.valueOf(revision.subjectType());
        if (subject.versionId() != null) {
            return type == EvidenceSubjectType.MODEL_VERSION
                    && revision.subjectId().equals(subject.versionId().toString());
        }
        return switch (type) {
            case SYSTEM, MODEL_VERSION -> true;
            case GATE_RUN -> subject.gateRunId() != null && revision.subjectId().equals(subject.gateRunId().toString());
            default -> false;
        };
    }
}
