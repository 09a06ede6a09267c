package io.aimsgate.inception.internal;

import io.aimsgate.gate.GateVariables;
import io.aimsgate.inception.InceptionVariables;
import io.aimsgate.inception.ScreeningAnswers;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.Actors;
import io.aimsgate.inception.AnnexIIIArea;
import io.aimsgate.inception.IdentifiedRisk;
import io.aimsgate.inception.InceptionScreening;
import io.aimsgate.inception.InceptionService;
import io.aimsgate.inception.ProhibitedPractice;
import io.aimsgate.inventory.AiType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the inception statement and screening answers; registers a risk the product owner identified. */
@Component("recordInceptionScreening")
class RecordInceptionScreeningDelegate implements JavaDelegate {

    private final InceptionService inception;

    RecordInceptionScreeningDelegate(InceptionService inception) {
        this.inception = inception;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long gateId = GateVariables.GATE_ID.get(execution);
        Long systemId = GateVariables.SYSTEM_ID.get(execution);
        String actor = Actors.acting(execution);
        InceptionScreening screening = inception.recordScreening(gateId, systemId,
                ScreeningAnswers.fromForm(execution), actor);
        inception.registerRisk(systemId, IdentifiedRisk.fromForm(execution), LifecycleStage.INCEPTION, actor);
        IdentifiedRisk.clear(execution);
        // The DMN reads booleans; a form that left a checkbox untouched may not have sent it.
        InceptionVariables.SAFETY_COMPONENT.set(execution, screening.isSafetyComponent());
        InceptionVariables.INTERACTS_WITH_PEOPLE.set(execution, screening.isInteractsWithPeople());
        InceptionVariables.GENERATES_SYNTHETIC_CONTENT.set(execution, screening.isGeneratesSyntheticContent());
    }
}
