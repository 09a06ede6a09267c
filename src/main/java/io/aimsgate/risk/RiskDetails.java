package io.aimsgate.risk;

import io.aimsgate.inventory.LifecycleStage;
import java.time.LocalDate;

/** The editable fields of a risk; residual likelihood and impact come together or not at all. */
public record RiskDetails(
        LifecycleStage lifecycleStage,
        StrideCategory strideCategory,
        String title,
        String description,
        int likelihood,
        int impact,
        RiskTreatment treatment,
        String treatmentOwner,
        LocalDate dueDate,
        Integer residualLikelihood,
        Integer residualImpact) {
}
