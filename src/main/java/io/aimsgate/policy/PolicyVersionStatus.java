package io.aimsgate.policy;

/** Where a version of a policy stands: drafted, in review, in force, replaced by a newer one, or rejected. */
public enum PolicyVersionStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    SUPERSEDED,
    REJECTED;

    /** A version still on its way to a decision: a document has at most one. */
    public boolean isOpen() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
