package io.aimsgate.inception;

import static io.aimsgate.inception.InceptionVariables.*;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.CrossFieldRules;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The optional "risk identified here" block of the inception forms, as a command part: when a title is given the rest
 * is required, and the risk goes into the register with the gate's stage ({@link InceptionService#registerRisk}
 * validates it).
 */
@CrossFieldRules
public record IdentifiedRisk(@Size(max = 200) String riskTitle, @MultiLine @Size(max = 4000) String riskDescription,
        StrideCategory riskCategory,
        @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        Long riskLikelihood,
        @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        Long riskImpact) implements CrossFieldRules.Checked {

    public static final IdentifiedRisk NONE = new IdentifiedRisk(null, null, null, null, null);

    /** Consumes the block once registered, so a later step of the gate never registers the same risk again. */
    public static void clear(VariableScope scope) {
        RISK_BLOCK.forEach(variable -> variable.remove(scope));
    }

    public static IdentifiedRisk fromForm(VariableScope scope) {
        return new IdentifiedRisk(RISK_TITLE.orNull(scope), RISK_DESCRIPTION.orNull(scope), RISK_CATEGORY.orNull(scope),
                RISK_LIKELIHOOD.orNull(scope), RISK_IMPACT.orNull(scope));
    }

    public boolean identified() {
        return riskTitle != null && !riskTitle.isBlank();
    }

    @Override
    public Map<String, String> brokenRules() {
        Map<String, String> broken = new LinkedHashMap<>();
        if (identified()) {
            if (riskDescription == null || riskDescription.isBlank()) {
                broken.put("riskDescription", "is required when a risk is identified");
            }
            if (riskCategory == null) {
                broken.put("riskCategory", "is required when a risk is identified");
            }
            if (riskLikelihood == null) {
                broken.put("riskLikelihood", "is required (1-5) when a risk is identified");
            }
            if (riskImpact == null) {
                broken.put("riskImpact", "is required (1-5) when a risk is identified");
            }
        }
        return broken;
    }

    /** The register's entry for a validated block, if a risk was identified. */
    public Optional<RiskDetails> details(LifecycleStage stage) {
        if (!identified()) {
            return Optional.empty();
        }
        return Optional.of(new RiskDetails(stage, riskCategory, riskTitle.strip(), riskDescription.strip(),
                riskLikelihood.intValue(), riskImpact.intValue(), null, null, null, null, null));
    }
}
