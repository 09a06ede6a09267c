package io.aimsgate.incident;

/** AI incident types (data poisoning, drift, bias amplification, prompt injection / output manipulation, privacy leak / model inversion, model theft, resource exhaustion, harmful output). */
public enum IncidentType {
    DATA_POISONING, MODEL_DRIFT, BIAS_AMPLIFICATION, OUTPUT_MANIPULATION, PRIVACY_LEAK, MODEL_THEFT, AVAILABILITY, HARMFUL_OUTPUT, OTHER
}
