package io.aimsgate.evidence;

/**
 * Published inside the transaction that stored a new revision, for the decision ledger to record in that same
 * transaction (a synchronous listener: an upload whose ledger entry fails is not stored).
 */
public record EvidenceRevisionStored(EvidenceRevision revision, Long systemId) {
}
