package io.aimsgate.inception;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.FormValues;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The optional "risk identified here" block of the inception forms: when a title is given the rest is required,
 * and the risk goes into the register with the gate's stage.
 */
public final class IdentifiedRisk {

    static final String TITLE = "riskTitle";
    static final String DESCRIPTION = "riskDescription";
    static final String CATEGORY = "riskCategory";
    static final String LIKELIHOOD = "riskLikelihood";
    static final String IMPACT = "riskImpact";

    private IdentifiedRisk() {
    }

    /** Consumes the block once registered, so a later step of the gate never registers the same risk again. */
    public static void clear(VariableScope scope) {
        scope.removeVariables(java.util.List.of(TITLE, DESCRIPTION, CATEGORY, LIKELIHOOD, IMPACT));
    }

    public static Optional<RiskDetails> from(VariableScope scope, LifecycleStage stage) {
        String title = FormValues.optionalText(scope, TITLE, 200);
        if (title == null) {
            return Optional.empty();
        }
        String description = FormValues.text(scope, DESCRIPTION, 1, 4000);
        StrideCategory category = FormValues.choice(scope, CATEGORY, StrideCategory.class);
        Integer likelihood = FormValues.optionalInt(scope, LIKELIHOOD, 1, 5);
        Integer impact = FormValues.optionalInt(scope, IMPACT, 1, 5);
        if (likelihood == null || impact == null) {
            throw new BadUserRequestException("'" + (likelihood == null ? LIKELIHOOD : IMPACT)
                    + "' is required (1-5) when a risk is identified");
        }
        return Optional.of(new RiskDetails(stage, category, title, description, likelihood, impact, null, null, null,
                null, null));
    }
}
