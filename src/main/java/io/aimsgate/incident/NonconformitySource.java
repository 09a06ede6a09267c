package io.aimsgate.incident;

/** Where a nonconformity was found (clause 10.2). */
public enum NonconformitySource {
    INTERNAL_AUDIT, MANAGEMENT_REVIEW, MONITORING, EXTERNAL_AUDIT, OTHER
}
