package io.aimsgate.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contents in evidence_chunk, 1 MiB per row: an upload is inserted and a download read one chunk at a time, so at
 * most one chunk is in memory per request on H2 and on PostgreSQL alike (whose driver would read a single bytea
 * value of 25 MB whole).
 */
class DatabaseEvidenceStorage implements EvidenceStorage {

    static final int CHUNK_BYTES = 1 << 20;

    private final JdbcTemplate jdbc;

    DatabaseEvidenceStorage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EvidenceProperties.Storage name() {
        return EvidenceProperties.Storage.DATABASE;
    }

    @Override
    public void store(long revisionId, String sha256, Path file) throws IOException {
        byte[] buffer = new byte[CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK_BYTES)) > 0) {
                byte[] chunk = read == CHUNK_BYTES ? buffer : java.util.Arrays.copyOf(buffer, read);
                jdbc.update("INSERT INTO evidence_chunk (revision_id, seq, data) VALUES (?, ?, ?)", revisionId, seq++,
                        chunk);
            }
        }
    }

    @Override
    public void copyTo(long revisionId, String sha256, OutputStream out) throws IOException {
        List<Integer> seqs = jdbc.queryForList("SELECT seq FROM evidence_chunk WHERE revision_id = ? ORDER BY seq",
                Integer.class, revisionId);
        for (Integer seq : seqs) {
            byte[] chunk = jdbc.queryForObject("SELECT data FROM evidence_chunk WHERE revision_id = ? AND seq = ?",
                    byte[].class, revisionId, seq);
            out.write(chunk);
        }
    }
}
