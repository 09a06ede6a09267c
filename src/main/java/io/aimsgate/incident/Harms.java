package io.aimsgate.incident;

/** The harms that can make an incident of a high-risk system a serious incident (EU AI Act Art. 3(49), Art. 73). */
public record Harms(boolean death, boolean seriousHealthHarm, boolean criticalInfrastructureDisruption,
        boolean widespreadInfringement, boolean fundamentalRightsInfringement, boolean propertyOrEnvironmentHarm) {
}
