package io.aimsgate.inception.internal;

import io.aimsgate.gate.GateVariables;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.inception.InceptionService;
import io.aimsgate.inventory.EuAiActTier;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the tier the eu-ai-act-tier DMN gave: on the screening and the system, and as the variables the
 * gateway routes on. A prohibited practice carries its article as the rejection reason.
 */
@Component("applyEuAiActTier")
class ApplyEuAiActTierDelegate implements JavaDelegate {

    static final String CLASSIFICATION = "tierClassification";
    static final String TIER = "euAiActTier";
    static final String TIER_REASON = "tierReason";

    private final InceptionService inception;

    ApplyEuAiActTierDelegate(InceptionService inception) {
        this.inception = inception;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable(CLASSIFICATION) instanceof Map<?, ?> classification)
                || classification.get("tier") == null) {
            throw new IllegalStateException("The eu-ai-act-tier decision gave no tier");
        }
        EuAiActTier tier = EuAiActTier.valueOf(classification.get("tier").toString());
        Object reasonValue = classification.get("tierReason");
        String reason = reasonValue == null ? tier.name() : reasonValue.toString();
        inception.classify(GateVariables.GATE_ID.get(execution), tier, reason);
        execution.setVariable(TIER, tier.name());
        execution.setVariable(TIER_REASON, reason);
        if (tier == EuAiActTier.UNACCEPTABLE) {
            execution.setVariable(REJECTION_REASON, "Prohibited AI practice under the EU AI Act: " + reason);
        }
        execution.removeVariable(CLASSIFICATION);
    }
}
