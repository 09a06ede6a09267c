package io.aimsgate.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored revision of an evidence file: what the evidence pack, the API and the gates see. {@code subjectType}
 * is an {@link EvidenceSubjectType} name, {@code kind} an {@link EvidenceKind} name; {@code mediaType} was detected
 * from the content, {@code sha256} (lower-case hex) and {@code size} are of the bytes as received.
 */
public record EvidenceRevision(long id, long fileId, int revision, String subjectType, String subjectId, String kind,
        String fileName, String mediaType, long size, String sha256, String uploadedBy, Instant uploadedAt,
        LocalDate expiresOn) {
}
