package io.aimsgate.risk;

import io.aimsgate.inventory.InventoryService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether an AI system has unresolved high-severity risk: a risk whose current severity is
 * HIGH or CRITICAL and that is OPEN, IN_TREATMENT, or ACCEPTED by someone without the governance
 * board's authority. Reads the system's cell tally (25 rows) and, when something blocks, the worst
 * risks by name, whatever the register's size.
 */
@Service
@Transactional(readOnly = true)
public class RiskAssessmentService {

    /** How many blocking risks are named individually; the count is always complete. */
    static final int NAMED_RISKS = 50;

    private final RiskRepository risks;
    private final RiskCellTally tally;
    private final RiskSeverityService severities;
    private final InventoryService inventory;
    private final Clock clock;

    RiskAssessmentService(RiskRepository risks, RiskCellTally tally, RiskSeverityService severities,
            InventoryService inventory, Clock clock) {
        this.risks = risks;
        this.tally = tally;
        this.inventory = inventory;
        this.severities = severities;
        this.clock = clock;
    }

    public RiskAssessment assess(Long systemId) {
        Map<RiskCell, Long> counts = tally.countsOf(systemId);
        if (counts.isEmpty()) {
            // Every system has a tally from its creation: no tally, no system (refused with its 404).
            inventory.requireSystem(systemId);
            throw new IllegalStateException("AI system " + systemId + " has no risk tally; RiskCellTally.rebuild() "
                    + "recomputes it");
        }
        SeverityMatrix matrix = severities.currentMatrix();
        long blocking = 0;
        Set<Integer> blockingCells = new TreeSet<>();
        for (Map.Entry<RiskCell, Long> cell : counts.entrySet()) {
            if (cell.getValue() > 0 && matrix.severityOf(cell.getKey().likelihood(), cell.getKey().impact())
                    .isHighOrAbove()) {
                blocking += cell.getValue();
                blockingCells.add(cell.getKey().key());
            }
        }
        List<RiskAssessment.BlockingRisk> named = new ArrayList<>();
        if (blocking > 0) {
            // The tally gives the exact number, so the index scan stops at the last blocking risk it can name.
            int limit = (int) Math.min(NAMED_RISKS, blocking);
            for (RiskHeadline risk : risks.findWorstBlocking(systemId, blockingCells, limit)) {
                Severity severity = matrix.severityOf(risk.currentLikelihood(), risk.currentImpact());
                named.add(new RiskAssessment.BlockingRisk(risk.id(), risk.title(), severity, risk.status(),
                        risk.status() == RiskStatus.ACCEPTED));
            }
        }
        return new RiskAssessment(systemId, blocking, List.copyOf(named), matrix.decisionDefinitionId(),
                clock.instant());
    }

    /**
     * Every risk of the system whose current cell is HIGH or CRITICAL under the risk appetite in force, whatever its
     * status: what a deployment approval is bound to (docs/lifecycle-gates.md, "Bound approval").
     */
    public RegisterStanding standing(Long systemId) {
        inventory.requireSystem(systemId);
        SeverityMatrix matrix = severities.currentMatrix();
        Set<Integer> severeCells = new TreeSet<>();
        for (int likelihood = SeverityMatrix.MIN; likelihood <= SeverityMatrix.MAX; likelihood++) {
            for (int impact = SeverityMatrix.MIN; impact <= SeverityMatrix.MAX; impact++) {
                if (matrix.severityOf(likelihood, impact).isHighOrAbove()) {
                    severeCells.add(new RiskCell(likelihood, impact).key());
                }
            }
        }
        List<RiskStanding> severe = severeCells.isEmpty() ? List.of() : risks.findInCells(systemId, severeCells)
                .stream().map(r -> new RiskStanding(r.getId(), r.getTitle(),
                        matrix.severityOf(r.getCurrentLikelihood(), r.getCurrentImpact()), r.getStatus(),
                        r.isAcceptedByBoard(), r.getAcceptedBy(), r.getAcceptedAt(), r.getAcceptanceExpiresOn()))
                .toList();
        return new RegisterStanding(systemId, matrix.decisionDefinitionId(), severe);
    }
}
