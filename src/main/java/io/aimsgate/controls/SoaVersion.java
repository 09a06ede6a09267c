package io.aimsgate.controls;

import java.time.Instant;
import java.util.List;

/**
 * A numbered, frozen version of the Statement of Applicability: its entries (one per Annex A control, in catalogue
 * order), the SHA-256 of its canonical content, and the gate run that approved or rejected it.
 */
public record SoaVersion(long id, int versionNo, SoaVersionStatus status, String note, String contentSha256,
        Long gateRunId, String processInstanceId, String submittedBy, Instant submittedAt, String decidedBy,
        Instant decidedAt, String decisionRationale, List<SoaEntry> entries) {

    /** The applicable controls of this version. */
    public List<SoaEntry> applicableEntries() {
        return entries.stream().filter(SoaEntry::applicable).toList();
    }
}
