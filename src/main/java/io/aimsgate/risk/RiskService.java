package io.aimsgate.risk;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.raci.GroupNotifier;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.ForbiddenException;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The risk register's public service: record, rate, treat and accept risks. */
@Service
@Transactional
public class RiskService {

    private static final Map<RiskStatus, Set<RiskStatus>> TRANSITIONS = Map.of(
            RiskStatus.OPEN, EnumSet.of(RiskStatus.IN_TREATMENT, RiskStatus.MITIGATED, RiskStatus.ACCEPTED, RiskStatus.CLOSED),
            RiskStatus.IN_TREATMENT, EnumSet.of(RiskStatus.OPEN, RiskStatus.MITIGATED, RiskStatus.ACCEPTED, RiskStatus.CLOSED),
            RiskStatus.MITIGATED, EnumSet.of(RiskStatus.OPEN, RiskStatus.IN_TREATMENT, RiskStatus.ACCEPTED, RiskStatus.CLOSED),
            RiskStatus.ACCEPTED, EnumSet.of(RiskStatus.OPEN, RiskStatus.IN_TREATMENT, RiskStatus.CLOSED),
            RiskStatus.CLOSED, EnumSet.of(RiskStatus.OPEN));

    static final int MIN_RATIONALE = 10;

    private final RiskRepository risks;
    private final RiskCellTally tally;
    private final RiskSeverityService severities;
    private final InventoryService inventory;
    private final Clock clock;
    private final DecisionLedger ledger;
    private final RiskAcceptanceProperties acceptance;
    private final ApplicationEventPublisher publisher;
    private final RiskAcceptanceWatch acceptanceWatch;
    private final GroupNotifier notifier;

    RiskService(RiskRepository risks, RiskCellTally tally, RiskSeverityService severities, InventoryService inventory,
            Clock clock, DecisionLedger ledger, RiskAcceptanceProperties acceptance,
            ApplicationEventPublisher publisher, RiskAcceptanceWatch acceptanceWatch, GroupNotifier notifier) {
        this.notifier = notifier;
        this.ledger = ledger;
        this.publisher = publisher;
        this.acceptanceWatch = acceptanceWatch;
        this.acceptance = acceptance;
        this.risks = risks;
        this.tally = tally;
        this.severities = severities;
        this.inventory = inventory;
        this.clock = clock;
    }

    public Risk record(Long systemId, RiskDetails details, String actor) {
        return record(systemId, details, actor, null);
    }

    /** Records a risk; one already treated below HIGH from a HIGH or CRITICAL rating needs what was done. */
    public Risk record(Long systemId, RiskDetails details, String actor, String treatmentRecord) {
        inventory.requireSystem(systemId);
        checkResidualPair(details);
        Risk risk = new Risk(systemId, actor, clock.instant());
        risk.describe(details, severities.currentMatrix(), clock.instant());
        checkTreatment(risk, true, treatmentRecord);
        Risk recorded = logged("RISK_CREATED", null, tallied(risks.save(risk), null), treatmentRecord, null);
        return published(recorded, RiskChanged.Change.RECORDED, true, null, null);
    }

    public Risk update(Long systemId, Long riskId, RiskDetails details) {
        return update(systemId, riskId, details, null);
    }

    /**
     * Updates a risk. A HIGH or CRITICAL risk leaves the blocking set by treatment only: a residual rating below HIGH
     * needs a treatment that reduces the risk (MITIGATE, TRANSFER or AVOID; accepting is the board's transition), a
     * treatment owner and a record of what was done (409 otherwise).
     */
    public Risk update(Long systemId, Long riskId, RiskDetails details, String treatmentRecord) {
        Risk risk = require(systemId, riskId);
        checkResidualPair(details);
        RiskCell countedIn = risk.tallyCell();
        SeverityMatrix matrix = severities.currentMatrix();
        int acceptedLikelihood = risk.getCurrentLikelihood();
        int acceptedImpact = risk.getCurrentImpact();
        List<Object> ratingBefore = rating(risk);
        RiskStatus statusBefore = risk.getStatus();
        boolean residualChanged = !java.util.Objects.equals(risk.getResidualLikelihood(), details.residualLikelihood())
                || !java.util.Objects.equals(risk.getResidualImpact(), details.residualImpact());
        risk.describe(details, matrix, clock.instant());
        checkTreatment(risk, residualChanged, treatmentRecord);
        if (risk.getStatus() == RiskStatus.ACCEPTED && (risk.getCurrentLikelihood() != acceptedLikelihood
                || risk.getCurrentImpact() != acceptedImpact)) {
            // An acceptance covers the rating that was accepted; a re-rated risk must be accepted again.
            risk.changeStatus(RiskStatus.OPEN, "Re-rated after acceptance", clock.instant());
            acceptanceWatch.end(risk);
        }
        if (risk.getStatus() == RiskStatus.MITIGATED && risk.getCurrentSeverity().isHighOrAbove()) {
            throw new ConflictException("residualLikelihood", "A MITIGATED risk cannot have a residual severity of "
                    + risk.getCurrentSeverity() + "; reopen it or have the governance board accept it.");
        }
        boolean rerated = !rating(risk).equals(ratingBefore);
        Risk updated = logged(rerated ? "RISK_RERATED" : "RISK_UPDATED", null, tallied(risk, countedIn),
                treatmentRecord, statusBefore);
        return published(updated, RiskChanged.Change.UPDATED, rerated, countedIn, null);
    }

    /**
     * Moves a risk to another status. Acceptance needs a rationale, and a HIGH or CRITICAL risk can only be
     * accepted by the governance board; product owners may accept LOW and MEDIUM risks.
     */
    public Risk transition(Long systemId, Long riskId, RiskStatus next, String reasonOrRationale, String actor,
            Set<String> actorGroups) {
        return transition(systemId, riskId, next, reasonOrRationale, null, actor, actorGroups);
    }

    /**
     * The same, with the day from which an acceptance no longer stands ({@code acceptanceExpiresOn}): required when a
     * HIGH or CRITICAL risk is accepted, optional for a lower one, and never later than the configured maximum
     * validity ({@link RiskAcceptanceProperties}) from today (400 naming {@code expiresOn} otherwise). Only an
     * acceptance takes an expiry.
     */
    public Risk transition(Long systemId, Long riskId, RiskStatus next, String reasonOrRationale,
            LocalDate acceptanceExpiresOn, String actor, Set<String> actorGroups) {
        Risk risk = require(systemId, riskId);
        if (acceptanceExpiresOn != null && next != RiskStatus.ACCEPTED) {
            throw new InvalidInputException("expiresOn", "Only an acceptance has an expiry.");
        }
        RiskStatus current = risk.getStatus();
        if (current == next) {
            throw new ConflictException("status", "The risk is already " + next + ".");
        }
        if (!TRANSITIONS.get(current).contains(next)) {
            throw new ConflictException("status", "A risk cannot move from " + current + " to " + next + ".");
        }
        String text = reasonOrRationale == null ? "" : reasonOrRationale.strip();
        RiskCell countedIn = risk.tallyCell();
        switch (next) {
            case ACCEPTED -> {
                Risk accepted = tallied(accept(risk, text, acceptanceExpiresOn, actor, actorGroups), countedIn);
                acceptanceWatch.start(accepted);
                logged("RISK_ACCEPTED", accepted.getAcceptedRole(), accepted, text, current);
                return published(accepted, RiskChanged.Change.ACCEPTED, false, countedIn, null);
            }
            case IN_TREATMENT -> {
                if (risk.getTreatment() == null || risk.getTreatmentOwner() == null) {
                    throw new ConflictException("treatment", "Choose a treatment and a treatment owner first.");
                }
            }
            case MITIGATED -> {
                if (risk.getResidualSeverity() == null) {
                    throw new ConflictException("residualLikelihood",
                            "Record the residual likelihood and impact before marking the risk mitigated.");
                }
                if (risk.getResidualSeverity().isHighOrAbove()) {
                    throw new ConflictException("residualLikelihood", "The residual severity is still "
                            + risk.getResidualSeverity() + "; treat it further or have the governance board accept it.");
                }
            }
            case CLOSED, OPEN -> {
                if (next == RiskStatus.CLOSED && risk.getCurrentSeverity().isHighOrAbove()
                        && !actorGroups.contains(RaciGroups.GOVERNANCE_BOARD)) {
                    // Closing would take an untreated HIGH or CRITICAL risk out of the blocking set: the board's call.
                    throw new ForbiddenException("status", "Only the governance board may close a "
                            + risk.getCurrentSeverity() + " risk; treat it below HIGH first (residual rating and what "
                            + "was done) or ask the board.");
                }
                if (text.length() < MIN_RATIONALE) {
                    throw new InvalidInputException("reason", "A reason of at least " + MIN_RATIONALE
                            + " characters is required to move a risk to " + next + ".");
                }
            }
            default -> {
            }
        }
        risk.changeStatus(next, text.isEmpty() ? null : text, clock.instant());
        if (current == RiskStatus.ACCEPTED) {
            acceptanceWatch.end(risk);
        }
        logged("RISK_TRANSITIONED", null, tallied(risk, countedIn), text.isEmpty() ? null : text, current);
        return published(risk, RiskChanged.Change.TRANSITIONED, false, countedIn, null);
    }

    /**
     * The acceptance's expiry has come (the risk-acceptance process's timer): if the risk is still accepted by that
     * acceptance ({@code acceptedAt}, as {@link RiskAcceptanceWatch} recorded it), it is OPEN again, unresolved, and
     * counts for the gates like any open risk. Safe to run twice: a risk no longer under that acceptance is left alone.
     *
     * @return whether the acceptance lapsed now
     */
    public boolean expireAcceptance(Long riskId, String acceptedAt) {
        Risk risk = risks.findById(riskId).orElse(null);
        if (risk == null || !RiskAcceptanceWatch.isUnder(risk, acceptedAt)) {
            return false;
        }
        RiskCell countedIn = risk.tallyCell();
        String reason = "The acceptance by " + risk.getAcceptedBy() + " expired on " + risk.getAcceptanceExpiresOn()
                + ".";
        risk.changeStatus(RiskStatus.OPEN, reason, clock.instant());
        logged("RISK_ACCEPTANCE_EXPIRED", null, tallied(risk, countedIn), reason, RiskStatus.ACCEPTED);
        published(risk, RiskChanged.Change.ACCEPTANCE_EXPIRED, false, countedIn, reason);
        return true;
    }

    /**
     * Ahead of an acceptance's expiry (the risk-acceptance process's reminder timer): tells the risk's owner (its
     * treatment owner, else the system's business owner) and the governance board, which alone may accept it again.
     * Nothing is sent for a risk no longer under that acceptance.
     *
     * @return whether anyone was told
     */
    public boolean remindOwner(Long riskId, String acceptedAt) {
        Risk risk = risks.findById(riskId).orElse(null);
        if (risk == null || !RiskAcceptanceWatch.isUnder(risk, acceptedAt)) {
            return false;
        }
        io.aimsgate.inventory.AiSystem system = inventory.requireSystem(risk.getSystemId());
        String owner = risk.getTreatmentOwner() == null || risk.getTreatmentOwner().isBlank()
                ? system.getBusinessOwner() : risk.getTreatmentOwner().strip();
        String subject = "Risk acceptance expires on " + risk.getAcceptanceExpiresOn() + ": risk " + risk.getId()
                + " of " + system.getName();
        String body = "The acceptance of " + risk.getCurrentSeverity() + " risk " + risk.getId() + " '"
                + risk.getTitle() + "' of AI system " + system.getName() + " (accepted by " + risk.getAcceptedBy()
                + " on " + risk.getAcceptedAt() + ") expires on " + risk.getAcceptanceExpiresOn() + ".\n"
                + "From that day the risk is unresolved again: deployments of the system halt and approvals bound to "
                + "its register need re-approval. Treat the risk, or ask the governance board to accept it again "
                + "with a new expiry, before then.";
        notifier.notifyUser(owner, subject, body);
        notifier.notifyGroup(RaciGroups.GOVERNANCE_BOARD, subject, body);
        return true;
    }

    /** The risk, if it is still under the acceptance recorded at {@code acceptedAt}. */
    @Transactional(readOnly = true)
    public java.util.Optional<Risk> underAcceptance(Long riskId, String acceptedAt) {
        return risks.findById(riskId).filter(risk -> RiskAcceptanceWatch.isUnder(risk, acceptedAt));
    }

    /** Tells whoever depends on the register what changed ({@link RiskChanged}), in this transaction. */
    private Risk published(Risk risk, RiskChanged.Change change, boolean ratingChanged, RiskCell countedBefore,
            String detail) {
        publisher.publishEvent(new RiskChanged(risk.getSystemId(), risk.getId(), risk.getTitle(), change,
                risk.getCurrentSeverity(), risk.getStatus(), ratingChanged, countedBefore != null,
                risk.tallyCell() != null, detail));
        return risk;
    }

    private static List<Object> rating(Risk risk) {
        return java.util.Arrays.asList(risk.getLikelihood(), risk.getImpact(), risk.getResidualLikelihood(),
                risk.getResidualImpact());
    }

    /** The decision ledger entry of a change to the register, in this transaction (one per change). */
    private Risk logged(String kind, String actorRole, Risk risk, String rationale, RiskStatus statusBefore) {
        java.util.Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("riskId", risk.getId());
        snapshot.put("title", risk.getTitle());
        snapshot.put("statusBefore", statusBefore == null ? null : statusBefore.name());
        snapshot.put("status", risk.getStatus().name());
        snapshot.put("likelihood", risk.getLikelihood());
        snapshot.put("impact", risk.getImpact());
        snapshot.put("inherentSeverity", risk.getInherentSeverity() == null ? null : risk.getInherentSeverity().name());
        snapshot.put("residualLikelihood", risk.getResidualLikelihood());
        snapshot.put("residualImpact", risk.getResidualImpact());
        snapshot.put("residualSeverity", risk.getResidualSeverity() == null ? null : risk.getResidualSeverity().name());
        snapshot.put("treatment", risk.getTreatment() == null ? null : risk.getTreatment().name());
        snapshot.put("treatmentOwner", risk.getTreatmentOwner());
        if (risk.getAcceptanceExpiresOn() != null) {
            snapshot.put("acceptanceExpiresOn", risk.getAcceptanceExpiresOn().toString());
        }
        ledger.append(new LedgerRecord(kind, actorRole, "RISK", String.valueOf(risk.getId()), risk.getSystemId(),
                rationale, null, null, snapshot));
        return risk;
    }

    /** A residual rating that takes a HIGH or CRITICAL risk below HIGH is a treatment: what, who and what was done. */
    private static void checkTreatment(Risk risk, boolean residualChanged, String treatmentRecord) {
        String record = treatmentRecord == null ? "" : treatmentRecord.strip();
        boolean treatedBelowHigh = risk.getInherentSeverity().isHighOrAbove() && risk.getResidualSeverity() != null
                && !risk.getResidualSeverity().isHighOrAbove();
        if (!treatedBelowHigh) {
            if (!record.isEmpty()) {
                risk.recordTreatment(record);
            }
            return;
        }
        if (!record.isEmpty()) {
            if (record.length() < MIN_RATIONALE) {
                throw new InvalidInputException("treatmentRecord", "Describe what was done in at least "
                        + MIN_RATIONALE + " characters.");
            }
            risk.recordTreatment(record);
        }
        List<String> reasons = new ArrayList<>();
        if (risk.getTreatment() == null || risk.getTreatment() == RiskTreatment.ACCEPT) {
            reasons.add("A residual rating below HIGH needs a treatment that reduces the risk (MITIGATE, TRANSFER or "
                    + "AVOID); a " + risk.getInherentSeverity() + " risk is accepted only by the governance board.");
        }
        if (risk.getTreatmentOwner() == null || risk.getTreatmentOwner().isBlank()) {
            reasons.add("Name the treatment owner.");
        }
        if ((residualChanged || risk.getTreatmentRecord() == null) && record.isEmpty()) {
            reasons.add("Record what was done (treatmentRecord) to bring the " + risk.getInherentSeverity()
                    + " risk below HIGH.");
        }
        if (!reasons.isEmpty()) {
            throw new ConflictException("treatmentRecord", "The residual rating would take a "
                    + risk.getInherentSeverity() + " risk out of the blocking set without a recorded treatment.",
                    reasons);
        }
    }

    /** Moves the risk in the cell tally from where it was counted before the change (null: not counted). */
    private Risk tallied(Risk risk, RiskCell before) {
        tally.move(risk.getSystemId(), before, risk.tallyCell());
        return risk;
    }

    private Risk accept(Risk risk, String rationale, LocalDate expiresOn, String actor, Set<String> actorGroups) {
        if (rationale.length() < MIN_RATIONALE) {
            throw new InvalidInputException("rationale",
                    "Accepting a risk needs a rationale of at least " + MIN_RATIONALE + " characters.");
        }
        boolean board = actorGroups.contains(RaciGroups.GOVERNANCE_BOARD);
        Severity severity = risk.getCurrentSeverity();
        if (severity.isHighOrAbove() && !board) {
            throw new ForbiddenException("status",
                    "Only the governance board may accept a " + severity + " risk.");
        }
        if (!board && !actorGroups.contains(RaciGroups.AI_PRODUCT_OWNERS)) {
            throw new ForbiddenException("status", "Only AI product owners or the governance board may accept risks.");
        }
        checkExpiry(severity, expiresOn);
        String role = board ? RaciGroups.GOVERNANCE_BOARD : RaciGroups.AI_PRODUCT_OWNERS;
        risk.accept(actor, role, board, rationale, expiresOn, clock.instant());
        return risk;
    }

    /** A HIGH or CRITICAL risk's acceptance needs an expiry; any expiry lies after today and within the maximum. */
    private void checkExpiry(Severity severity, LocalDate expiresOn) {
        LocalDate today = LocalDate.now(clock);
        LocalDate latest = today.plus(acceptance.maxValidity());
        if (expiresOn == null) {
            if (severity.isHighOrAbove()) {
                throw new InvalidInputException("expiresOn", "Accepting a " + severity + " risk needs an expiry "
                        + "date (expiresOn), at most " + acceptance.maxValidity() + " ahead (" + latest + ").");
            }
            return;
        }
        if (!expiresOn.isAfter(today)) {
            throw new InvalidInputException("expiresOn", "The acceptance's expiry must lie in the future.");
        }
        if (expiresOn.isAfter(latest)) {
            throw new InvalidInputException("expiresOn", "An acceptance may stand for at most "
                    + acceptance.maxValidity() + ": expire on " + latest + " or earlier.");
        }
    }

    @Transactional(readOnly = true)
    public Risk require(Long systemId, Long riskId) {
        inventory.requireSystem(systemId);
        Risk risk = risks.findByIdAndSystemId(riskId, systemId);
        if (risk == null) {
            throw new NotFoundException("riskId", "AI system " + systemId + " has no risk " + riskId + ".");
        }
        return risk;
    }

    /** A risk of any system by its id; NotFoundException naming riskId when there is none. */
    @Transactional(readOnly = true)
    public Risk require(Long riskId) {
        return risks.findById(riskId)
                .orElseThrow(() -> new NotFoundException("riskId", "No risk " + riskId + "."));
    }

    /** Every risk not CLOSED whose current severity is HIGH or CRITICAL, by system and id. */
    @Transactional(readOnly = true)
    public List<Risk> severeRisks() {
        return risks.findByStatusNotAndCurrentSeverityInOrderBySystemIdAscIdAsc(RiskStatus.CLOSED,
                List.of(Severity.HIGH, Severity.CRITICAL));
    }

    @Transactional(readOnly = true)
    public Page<Risk> find(Long systemId, RiskFilter filter, Pageable pageable) {
        inventory.requireSystem(systemId);
        Specification<Risk> spec = (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.equal(root.get("systemId"), systemId));
            if (filter.status() != null) {
                predicates.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.severity() != null) {
                predicates.add(cb.equal(root.get("currentSeverity"), filter.severity()));
            }
            if (filter.stage() != null) {
                predicates.add(cb.equal(root.get("lifecycleStage"), filter.stage()));
            }
            if (filter.stride() != null) {
                predicates.add(cb.equal(root.get("strideCategory"), filter.stride()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        return risks.findAll(spec, pageable);
    }

    private static void checkResidualPair(RiskDetails details) {
        if ((details.residualLikelihood() == null) != (details.residualImpact() == null)) {
            String missing = details.residualLikelihood() == null ? "residualLikelihood" : "residualImpact";
            throw new InvalidInputException(missing, "Residual likelihood and impact go together.");
        }
    }
}
