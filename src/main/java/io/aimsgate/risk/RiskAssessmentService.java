package io.aimsgate.risk;

import io.aimsgate.inventory.InventoryService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether an AI system has unresolved high-severity risk: a risk whose current severity is
 * HIGH or CRITICAL and that is OPEN, IN_TREATMENT, or ACCEPTED by someone without the governance
 * board's authority. One aggregate query over the register, whatever its size.
 */
@Service
@Transactional(readOnly = true)
public class RiskAssessmentService {

    /** How many blocking risks are named individually; the count is always complete. */
    static final int NAMED_RISKS = 50;

    private final RiskRepository risks;
    private final RiskSeverityService severities;
    private final InventoryService inventory;
    private final Clock clock;

    RiskAssessmentService(RiskRepository risks, RiskSeverityService severities, InventoryService inventory,
            Clock clock) {
        this.risks = risks;
        this.inventory = inventory;
        this.severities = severities;
        this.clock = clock;
    }

    public RiskAssessment assess(Long systemId) {
        inventory.requireSystem(systemId);
        SeverityMatrix matrix = severities.currentMatrix();
        // The likelihoods and impacts of the matrix's HIGH and CRITICAL cells: only those rows can block.
        Set<Integer> likelihoods = new TreeSet<>();
        Set<Integer> impacts = new TreeSet<>();
        for (int likelihood = SeverityMatrix.MIN; likelihood <= SeverityMatrix.MAX; likelihood++) {
            for (int impact = SeverityMatrix.MIN; impact <= SeverityMatrix.MAX; impact++) {
                if (matrix.severityOf(likelihood, impact).isHighOrAbove()) {
                    likelihoods.add(likelihood);
                    impacts.add(impact);
                }
            }
        }
        long blocking = 0;
        Set<Integer> blockingCells = new java.util.HashSet<>();
        List<RiskCell> cells = likelihoods.isEmpty() ? List.of()
                : risks.countByCell(systemId, RiskStatus.POSSIBLY_UNRESOLVED, likelihoods, impacts);
        for (RiskCell cell : cells) {
            if (isUnresolved(matrix.severityOf(cell.likelihood(), cell.impact()), cell.status(), cell.acceptedByBoard())) {
                blocking += cell.count();
                blockingCells.add(cell.key());
            }
        }
        List<RiskAssessment.BlockingRisk> named = new ArrayList<>();
        if (blocking > 0) {
            for (Risk risk : risks.findInCells(systemId, blockingCells, PageRequest.of(0, NAMED_RISKS))) {
                Severity severity = matrix.severityOf(risk.getCurrentLikelihood(), risk.getCurrentImpact());
                named.add(new RiskAssessment.BlockingRisk(risk.getId(), risk.getTitle(), severity, risk.getStatus(),
                        risk.getStatus() == RiskStatus.ACCEPTED));
            }
        }
        return new RiskAssessment(systemId, blocking, List.copyOf(named), matrix.decisionDefinitionId(),
                clock.instant());
    }

    static boolean isUnresolved(Severity severity, RiskStatus status, boolean acceptedByBoard) {
        if (!severity.isHighOrAbove()) {
            return false;
        }
        return status == RiskStatus.OPEN || status == RiskStatus.IN_TREATMENT
                || (status == RiskStatus.ACCEPTED && !acceptedByBoard);
    }
}
