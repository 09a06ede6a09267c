package io.aimsgate.validation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Life-cycle settings from {@code aims.lifecycle}: how often a system in operation is re-evaluated, and the
 * default objectives every system's validation results and monitoring readings are held to until the system sets
 * its own (clause 6.2, A.6.2.4, A.6.2.6).
 */
@ConfigurationProperties(prefix = "aims.lifecycle")
public record LifecycleProperties(String reevaluationInterval, Map<String, Objective> objectives) {

    public LifecycleProperties {
        reevaluationInterval = reevaluationInterval == null ? "P1Y" : reevaluationInterval;
        objectives = objectives == null ? Map.of() : Map.copyOf(objectives);
    }

    public record Objective(MetricKind kind, MetricBound bound, double threshold) {
    }
}
