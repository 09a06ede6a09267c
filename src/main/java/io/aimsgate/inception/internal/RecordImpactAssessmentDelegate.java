package io.aimsgate.inception.internal;

import static io.aimsgate.inception.InceptionVariables.*;

import io.aimsgate.gate.GateVariables;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.inception.IdentifiedRisk;
import io.aimsgate.inception.ImpactAssessment;
import io.aimsgate.inception.InceptionService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the six-part impact assessment of a high-risk system and registers a risk it identified. */
@Component("recordImpactAssessment")
class RecordImpactAssessmentDelegate implements JavaDelegate {

    private final InceptionService inception;

    RecordImpactAssessmentDelegate(InceptionService inception) {
        this.inception = inception;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long systemId = GateVariables.SYSTEM_ID.get(execution);
        String actor = Actors.acting(execution);
        inception.recordAssessment(GateVariables.GATE_ID.get(execution), systemId, fromForm(execution), actor);
        inception.registerRisk(systemId, IdentifiedRisk.fromForm(execution), LifecycleStage.INCEPTION, actor);
        IdentifiedRisk.clear(execution);
    }

    static ImpactAssessment.Parts fromForm(DelegateExecution execution) {
        return new ImpactAssessment.Parts(SYSTEM_CONTEXT.orNull(execution), STAKEHOLDERS_AFFECTED.orNull(execution),
                ETHICS_AND_BIAS.orNull(execution), RECOURSE_AND_OVERSIGHT.orNull(execution),
                SAFETY_GOVERNANCE.orNull(execution), PERFORMANCE_THRESHOLDS.orNull(execution));
    }
}
