package io.aimsgate.gate;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aims.pipeline.environments}: the deployment environments a pipeline may name in the pipeline check
 * ({@code ?digest=...&environment=...}), each with the gate that admits a version to it and, optionally, how long
 * that decision holds ({@code validity}; none: until the decision is invalidated). docs/pipelines.md.
 */
@ConfigurationProperties(prefix = "aims.pipeline")
record PipelineProperties(Map<String, Environment> environments) {

    static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    /** {@code requires}: VERIFICATION_AND_VALIDATION (the system passed V&amp;V) or DEPLOYMENT (the version approved). */
    record Environment(GateKind requires, Duration validity) {

        Environment {
            if (requires != GateKind.VERIFICATION_AND_VALIDATION && requires != GateKind.DEPLOYMENT) {
                throw new IllegalArgumentException("aims.pipeline.environments.*.requires must be "
                        + "VERIFICATION_AND_VALIDATION or DEPLOYMENT, not " + requires);
            }
            if (validity != null && (validity.isNegative() || validity.isZero())) {
                throw new IllegalArgumentException("aims.pipeline.environments.*.validity must be positive");
            }
        }
    }

    PipelineProperties {
        environments = environments == null ? Map.of() : new TreeMap<>(environments);
        for (String name : environments.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("aims.pipeline.environments: '" + name + "' is not a valid "
                        + "environment name (lower-case letters, digits and '-', at most 63)");
            }
        }
    }
}
