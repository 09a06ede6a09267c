package io.aimsgate.inception.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.GateActors;
import io.aimsgate.inception.AnnexIIIArea;
import io.aimsgate.inception.IdentifiedRisk;
import io.aimsgate.inception.InceptionScreening;
import io.aimsgate.inception.InceptionService;
import io.aimsgate.inception.ProhibitedPractice;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.FormValues;
import io.aimsgate.shared.ProcessVariables;
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
        Long gateId = ProcessVariables.requiredLong(execution, GATE_ID);
        Long systemId = ProcessVariables.requiredLong(execution, SYSTEM_ID);
        String actor = GateActors.actingUser(execution);
        InceptionScreening screening = new InceptionScreening(gateId, systemId,
                FormValues.text(execution, "intendedUse", 10, 4000),
                FormValues.text(execution, "affectedPeople", 3, 4000),
                FormValues.choice(execution, "aiType", AiType.class),
                FormValues.choice(execution, "prohibitedPractice", ProhibitedPractice.class),
                FormValues.choice(execution, "annexIIIArea", AnnexIIIArea.class),
                FormValues.flag(execution, "safetyComponent"), FormValues.flag(execution, "interactsWithPeople"),
                FormValues.flag(execution, "generatesSyntheticContent"), actor, inception.now());
        inception.recordScreening(screening);
        inception.registerRisk(systemId, IdentifiedRisk.from(execution, LifecycleStage.INCEPTION), actor);
        IdentifiedRisk.clear(execution);
        // The DMN reads booleans; a form that left a checkbox untouched may not have sent it.
        execution.setVariable("safetyComponent", screening.isSafetyComponent());
        execution.setVariable("interactsWithPeople", screening.isInteractsWithPeople());
        execution.setVariable("generatesSyntheticContent", screening.isGeneratesSyntheticContent());
    }
}
