package io.aimsgate.audit.internal;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.shared.ledger.Snapshots;
import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.evidence.EvidenceRevisionStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every stored evidence revision into the decision ledger, synchronously in the upload's transaction (an upload whose
 * entry fails is not stored). The entry carries the revision's SHA-256, so an evidence pack's files are anchored in
 * the signed chain ({@link io.aimsgate.audit.PackVerifier} compares them).
 */
@Component
class EvidenceUploads {

    static final String KIND = "EVIDENCE_UPLOADED";

    private final DecisionLedger ledger;

    EvidenceUploads(DecisionLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(EvidenceRevisionStored stored) {
        EvidenceRevision revision = stored.revision();
        ledger.append(new LedgerRecord(KIND, null, revision.subjectType(), revision.subjectId(), stored.systemId(),
                null, null, null, Snapshots.of("revisionId", revision.id(), "fileId", revision.fileId(), "revision",
                        revision.revision(), "kind", revision.kind(), "fileName", revision.fileName(), "mediaType",
                        revision.mediaType(), "size", revision.size(), "sha256", revision.sha256(), "expiresOn",
                        revision.expiresOn() == null ? null : revision.expiresOn().toString())));
    }
}
