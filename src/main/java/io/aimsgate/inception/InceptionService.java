package io.aimsgate.inception;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.Commands;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.risk.Risk;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.RiskService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inception gate's records: the screening, the tier it gave, the impact assessment and the risks found. */
@Service
@Transactional
public class InceptionService {

    private final InceptionScreeningRepository screenings;
    private final ImpactAssessmentRepository assessments;
    private final InventoryService inventory;
    private final RiskService risks;
    private final Clock clock;

    InceptionService(InceptionScreeningRepository screenings, ImpactAssessmentRepository assessments,
            InventoryService inventory, RiskService risks, Clock clock) {
        this.screenings = screenings;
        this.assessments = assessments;
        this.inventory = inventory;
        this.risks = risks;
        this.clock = clock;
    }

    /**
     * Stores the screening once per gate run (a retried step finds it already there), after the answers passed their
     * rules ({@link ScreeningAnswers}).
     */
    public InceptionScreening recordScreening(Long gateId, Long systemId, ScreeningAnswers answers, String actor) {
        Commands.validate(answers);
        return screenings.findById(gateId).orElseGet(() -> screenings.save(new InceptionScreening(gateId, systemId,
                answers.intendedUse(), answers.affectedPeople(), answers.aiType(), answers.prohibitedPractice(),
                answers.annexIIIArea(), answers.safetyComponent(), answers.interactsWithPeople(),
                answers.generatesSyntheticContent(), actor, clock.instant())));
    }

    /** Records the tier on the screening and on the system, so every later gate sees the classification. */
    public void classify(Long gateId, EuAiActTier tier, String reason) {
        InceptionScreening screening = screenings.findById(gateId).orElseThrow(() -> new IllegalStateException(
                "Gate run " + gateId + " has no inception screening to classify"));
        screening.classify(tier, reason);
        inventory.classify(screening.getSystemId(), tier);
    }

    public ImpactAssessment recordAssessment(Long gateId, Long systemId, ImpactAssessment.Parts parts, String actor) {
        Commands.validate(parts);
        return assessments.save(new ImpactAssessment(gateId, systemId, parts, actor, clock.instant()));
    }

    /** A risk identified at inception goes into the register like any other, with the gate's stage. */
    public Optional<Risk> registerRisk(Long systemId, IdentifiedRisk identified, LifecycleStage stage, String actor) {
        return Commands.validate(identified).details(stage).map(details -> risks.record(systemId, details, actor));
    }

    @Transactional(readOnly = true)
    public Optional<InceptionScreening> screeningOf(Long gateId) {
        return screenings.findById(gateId);
    }

    /** The system's latest inception screening (its EU AI Act route: Annex III area, Annex I safety component). */
    @Transactional(readOnly = true)
    public Optional<InceptionScreening> latestScreeningOf(Long systemId) {
        return screenings.findFirstBySystemIdOrderByScreenedAtDescGateIdDesc(systemId);
    }

    @Transactional(readOnly = true)
    public List<ImpactAssessment> assessmentsOf(Long systemId) {
        return assessments.findBySystemIdOrderByAssessedAtDesc(systemId);
    }

}

interface InceptionScreeningRepository extends JpaRepository<InceptionScreening, Long> {

    Optional<InceptionScreening> findFirstBySystemIdOrderByScreenedAtDescGateIdDesc(Long systemId);
}

interface ImpactAssessmentRepository extends JpaRepository<ImpactAssessment, Long> {

    List<ImpactAssessment> findBySystemIdOrderByAssessedAtDesc(Long systemId);
}
