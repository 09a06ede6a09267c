package io.aimsgate.risk;

/**
 * Published inside the transaction of every change to a risk of the register, for the features whose decisions rest
 * on the register (a deployment approval bound to it is invalidated by a material change).
 *
 * @param change what happened to the risk
 * @param severity its current severity after the change
 * @param status its status after the change
 * @param ratingChanged whether its likelihood, impact or residual rating changed (always for a new risk)
 * @param blockingBefore whether, by its status, it could block a deployment before the change (OPEN, IN_TREATMENT, or
 *        ACCEPTED without the governance board's authority); false for a new risk
 * @param blockingNow the same after the change
 * @param detail what the change says in words (e.g. the expired acceptance's date), or null
 */
public record RiskChanged(Long systemId, Long riskId, String title, Change change, Severity severity,
        RiskStatus status, boolean ratingChanged, boolean blockingBefore, boolean blockingNow, String detail) {

    public enum Change {
        RECORDED, UPDATED, TRANSITIONED, ACCEPTED, ACCEPTANCE_EXPIRED
    }
}
