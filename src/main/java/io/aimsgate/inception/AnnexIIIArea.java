package io.aimsgate.inception;

/** EU AI Act Annex III high-risk areas (points 1-8), as the inception screening asks about them. */
public enum AnnexIIIArea {
    NONE, BIOMETRICS, CRITICAL_INFRASTRUCTURE, EDUCATION, EMPLOYMENT, ESSENTIAL_SERVICES, LAW_ENFORCEMENT,
    MIGRATION_BORDER, JUSTICE_DEMOCRACY
}
