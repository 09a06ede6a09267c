package io.aimsgate.inception.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.GateActors;
import io.aimsgate.inception.IdentifiedRisk;
import io.aimsgate.inception.ImpactAssessment;
import io.aimsgate.inception.InceptionService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.FormValues;
import io.aimsgate.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the six-part impact assessment of a high-risk system and registers a risk it identified. */
@Component("recordImpactAssessment")
class RecordImpactAssessmentDelegate implements JavaDelegate {

    static final int MIN_PART = 20;
    static final int MAX_PART = 8000;

    private final InceptionService inception;

    RecordImpactAssessmentDelegate(InceptionService inception) {
        this.inception = inception;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long systemId = ProcessVariables.requiredLong(execution, SYSTEM_ID);
        String actor = GateActors.actingUser(execution);
        ImpactAssessment.Parts parts = new ImpactAssessment.Parts(part(execution, "systemContext"),
                part(execution, "stakeholdersAffected"), part(execution, "ethicsAndBias"),
                part(execution, "recourseAndOversight"), part(execution, "safetyGovernance"),
                part(execution, "performanceThresholds"));
        inception.recordAssessment(ProcessVariables.requiredLong(execution, GATE_ID), systemId, parts, actor);
        inception.registerRisk(systemId, IdentifiedRisk.from(execution, LifecycleStage.INCEPTION), actor);
        IdentifiedRisk.clear(execution);
    }

    private static String part(DelegateExecution execution, String field) {
        return FormValues.text(execution, field, MIN_PART, MAX_PART);
    }
}
