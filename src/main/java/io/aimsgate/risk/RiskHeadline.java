package io.aimsgate.risk;

/** What an assessment names of a blocking risk, read without loading the whole risk. */
record RiskHeadline(Long id, String title, RiskStatus status, int currentLikelihood, int currentImpact) {
}
