package io.aimsgate.risk;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.ForbiddenException;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    RiskService(RiskRepository risks, RiskCellTally tally, RiskSeverityService severities, InventoryService inventory,
            Clock clock, DecisionLedger ledger) {
        this.ledger = ledger;
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
        return logged("RISK_CREATED", null, tallied(risks.save(risk), null), treatmentRecord, null);
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
        }
        if (risk.getStatus() == RiskStatus.MITIGATED && risk.getCurrentSeverity().isHighOrAbove()) {
            throw new ConflictException("residualLikelihood", "A MITIGATED risk cannot have a residual severity of "
                    + risk.getCurrentSeverity() + "; reopen it or have the governance board accept it.");
        }
        return logged(rating(risk).equals(ratingBefore) ? "RISK_UPDATED" : "RISK_RERATED", null,
                tallied(risk, countedIn), treatmentRecord, statusBefore);
    }

    /**
     * Moves a risk to another status. Acceptance needs a rationale, and a HIGH or CRITICAL risk can only be
     * accepted by the governance board; product owners may accept LOW and MEDIUM risks.
     */
    public Risk transition(Long systemId, Long riskId, RiskStatus next, String reasonOrRationale, String actor,
            Set<String> actorGroups) {
        Risk risk = require(systemId, riskId);
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
                Risk accepted = tallied(accept(risk, text, actor, actorGroups), countedIn);
                return logged("RISK_ACCEPTED", accepted.getAcceptedRole(), accepted, text, current);
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
        return logged("RISK_TRANSITIONED", null, tallied(risk, countedIn), text.isEmpty() ? null : text, current);
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

    private Risk accept(Risk risk, String rationale, String actor, Set<String> actorGroups) {
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
        String role = board ? RaciGroups.GOVERNANCE_BOARD : RaciGroups.AI_PRODUCT_OWNERS;
        risk.accept(actor, role, board, rationale, clock.instant());
        return risk;
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
