package io.aimsgate.inventory;

/** The kind of AI system (ISO/IEC 22989 functional view). */
public enum AiType {
    PREDICTIVE, GENERATIVE, AUTONOMOUS, RECOMMENDATION, PERCEPTION, OPTIMISATION, OTHER
}
