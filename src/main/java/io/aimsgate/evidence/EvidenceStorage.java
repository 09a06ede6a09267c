package io.aimsgate.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where the bytes of a revision live. The database store is the default (a backup of the database is a backup of the
 * evidence); the filesystem store is for large installations (docs/evidence.md). Both are called inside the
 * transaction that records the revision, and both stream: neither holds a whole file in memory.
 */
interface EvidenceStorage {

    /** The name recorded with each revision (evidence_revision.storage). */
    EvidenceProperties.Storage name();

    /** Stores the content of the verified upload {@code file} (deleted by the caller afterwards) for the revision. */
    void store(long revisionId, String sha256, Path file) throws IOException;

    /** Writes the content of the revision to {@code out}. */
    void copyTo(long revisionId, String sha256, OutputStream out) throws IOException;
}
