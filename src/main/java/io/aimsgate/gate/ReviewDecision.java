package io.aimsgate.gate;

/** What a reviewer or approver decides on a gate task. */
public enum ReviewDecision {
    APPROVE, REJECT
}
