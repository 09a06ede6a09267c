package io.aimsgate.evidence;

import java.io.OutputStream;
import java.util.List;

/** Read access to the evidence store for other features (the evidence pack). */
public interface EvidenceFiles {

    /** Every revision of every file attached to the system, its model versions, gate runs, risks and incidents. */
    List<EvidenceRevision> revisionsForSystem(long systemId);

    /** Streams the content of one revision to {@code out}; NotFoundException (field revisionId) when there is none. */
    void copyContent(long revisionId, OutputStream out);
}
