package io.aimsgate.evidence;

/**
 * The feature that owns a kind of subject says which AI system one of its subjects belongs to, so evidence can be
 * attached to it without this feature reaching into the other's tables (implemented by the life-cycle gates, the
 * risk register and incidents; systems and model versions are resolved here).
 */
public interface EvidenceSubjectOwner {

    EvidenceSubjectType subjectType();

    /** The id of the system the subject belongs to; throws NotFoundException (field subjectId) when there is none. */
    long systemOf(long subjectId);
}
