package io.aimsgate.evidence;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.CommittedChanges;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence store: receives an upload as a stream (to a temporary file, hashing and counting on the way, never
 * more than a buffer in memory), inspects it, and only then records it as a new revision of its file in one
 * transaction, with the content in the configured {@link EvidenceStorage} and an {@link EvidenceRevisionStored} event
 * for the decision ledger. A refused upload leaves nothing behind.
 */
@Service
public class EvidenceService implements EvidenceFiles {

    private static final String REVISION_COLUMNS = "r.id, r.file_id, r.revision, f.subject_type, f.subject_id, "
            + "f.kind, f.file_name, r.media_type, r.size_bytes, r.sha256, r.uploaded_by, r.uploaded_at, r.expires_on, "
            + "r.storage, f.system_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final InventoryService inventory;
    private final Map<EvidenceSubjectType, EvidenceSubjectOwner> owners;
    private final ContentInspector inspector;
    private final EvidenceProperties properties;
    private final Map<EvidenceProperties.Storage, EvidenceStorage> storages;
    private final ApplicationEventPublisher publisher;
    private final CommittedChanges committedChanges;
    private final Clock clock;

    EvidenceService(JdbcTemplate jdbc, TransactionTemplate transactions, InventoryService inventory,
            List<EvidenceSubjectOwner> owners, ContentInspector inspector, EvidenceProperties properties,
            ApplicationEventPublisher publisher, CommittedChanges committedChanges, Clock clock) {
        this.jdbc = jdbc;
        this.committedChanges = committedChanges;
        this.transactions = transactions;
        this.inventory = inventory;
        this.owners = owners.stream().collect(Collectors.toUnmodifiableMap(EvidenceSubjectOwner::subjectType,
                Function.identity()));
        this.inspector = inspector;
        this.properties = properties;
        this.storages = Map.of(EvidenceProperties.Storage.DATABASE, new DatabaseEvidenceStorage(jdbc),
                EvidenceProperties.Storage.FILESYSTEM, new FileSystemEvidenceStorage(properties.directory()));
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What an upload says about itself; checked before a byte of the body is read. */
    public record Upload(EvidenceSubjectType subjectType, long subjectId, EvidenceKind kind, String fileName,
            LocalDate expiresOn, String declaredContentType) {
    }

    /** The system a subject belongs to (404 naming subjectId when the subject does not exist). */
    public long systemOf(EvidenceSubjectType type, long subjectId) {
        try {
            return resolve(type, subjectId);
        } catch (NotFoundException e) {
            throw new NotFoundException("subjectId", e.getMessage());
        }
    }

    private long resolve(EvidenceSubjectType type, long subjectId) {
        return switch (type) {
            case SYSTEM -> inventory.requireSystem(subjectId).getId();
            case MODEL_VERSION -> inventory.requireVersion(subjectId).getSystemId();
            default -> {
                EvidenceSubjectOwner owner = owners.get(type);
                if (owner == null) {
                    throw new InvalidInputException("subjectType", "Evidence cannot be attached to a " + type + " yet.");
                }
                yield owner.systemOf(subjectId);
            }
        };
    }

    /** Stores the body as the next revision of the subject's file of this kind and name. */
    public EvidenceRevision upload(Upload upload, InputStream body, String actor) {
        if (upload.expiresOn() != null && !upload.expiresOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("expiresOn", "An expiry date must lie in the future.");
        }
        long systemId = systemOf(upload.subjectType(), upload.subjectId());
        Path received = null;
        try {
            received = Files.createTempFile("aims-evidence-", ".upload");
            Received content = receive(body, received);
            if (content.size() == 0) {
                throw new EvidenceRefused(HttpStatus.BAD_REQUEST, "file", "The upload is empty.");
            }
            String mediaType = inspector.inspect(received, upload.fileName(), upload.declaredContentType());
            Path file = received;
            EvidenceRevision stored = transactions.execute(status -> record(upload, systemId, content, mediaType,
                    file, actor));
            // A new revision can change a gate's answer (e.g. the pipeline check's cached one): say it committed.
            committedChanges.changed();
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (received != null) {
                try {
                    Files.deleteIfExists(received);
                } catch (IOException e) {
                    // The temporary directory is cleaned by the operating system; nothing was recorded from it.
                }
            }
        }
    }

    private record Received(long size, String sha256) {
    }

    /** Copies the body to the file, hashing it; refuses (413) once it passes the limit, without reading further. */
    private Received receive(InputStream body, Path file) throws IOException {
        long limit = properties.maxSize().toBytes();
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (DigestInputStream in = new DigestInputStream(body, sha256);
                OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                size += read;
                if (size > limit) {
                    throw new EvidenceRefused(HttpStatus.PAYLOAD_TOO_LARGE, "file", "The upload is larger than the "
                            + "limit of " + limit + " bytes (aims.evidence.max-size).");
                }
                out.write(buffer, 0, read);
            }
        }
        return new Received(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private EvidenceRevision record(Upload upload, long systemId, Received content, String mediaType, Path file,
            String actor) {
        String subjectId = Long.toString(upload.subjectId());
        Instant now = clock.instant();
        List<Long> existing = jdbc.queryForList("SELECT id FROM evidence_file WHERE subject_type = ? AND subject_id = ? "
                + "AND kind = ? AND file_name = ?", Long.class, upload.subjectType().name(), subjectId,
                upload.kind().name(), upload.fileName());
        long fileId = existing.isEmpty() ? insertFile(upload, subjectId, systemId, actor, now) : existing.get(0);
        Integer last = jdbc.queryForObject("SELECT MAX(revision) FROM evidence_revision WHERE file_id = ?",
                Integer.class, fileId);
        int revision = last == null ? 1 : last + 1;
        EvidenceStorage storage = storages.get(properties.storage());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO evidence_revision (file_id, revision, media_type, "
                    + "size_bytes, sha256, uploaded_by, uploaded_at, expires_on, storage) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, fileId);
            insert.setInt(2, revision);
            insert.setString(3, mediaType);
            insert.setLong(4, content.size());
            insert.setString(5, content.sha256());
            insert.setString(6, actor);
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setObject(8, upload.expiresOn());
            insert.setString(9, storage.name().name());
            return insert;
        }, key);
        long revisionId = key.getKey().longValue();
        try {
            storage.store(revisionId, content.sha256(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvidenceRevision stored = new EvidenceRevision(revisionId, fileId, revision, upload.subjectType().name(),
                subjectId, upload.kind().name(), upload.fileName(), mediaType, content.size(), content.sha256(), actor,
                now, upload.expiresOn());
        publisher.publishEvent(new EvidenceRevisionStored(stored, systemId));
        return stored;
    }

    private long insertFile(Upload upload, String subjectId, long systemId, String actor, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO evidence_file (subject_type, subject_id, system_id, "
                    + "kind, file_name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, upload.subjectType().name());
            insert.setString(2, subjectId);
            insert.setLong(3, systemId);
            insert.setString(4, upload.kind().name());
            insert.setString(5, upload.fileName());
            insert.setString(6, actor);
            insert.setTimestamp(7, Timestamp.from(now));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** Every revision attached to the subject, newest file revision first within each file. */
    public List<EvidenceRevision> revisionsOf(EvidenceSubjectType type, long subjectId) {
        systemOf(type, subjectId);
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE f.subject_type = ? AND f.subject_id = ? ORDER BY f.kind, f.file_name, "
                + "r.revision DESC", ROWS, type.name(), Long.toString(subjectId));
    }

    @Override
    public List<EvidenceRevision> revisionsForSystem(long systemId) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE f.system_id = ? ORDER BY f.id, r.revision", ROWS, systemId);
    }

    /** The latest revision of every file attached to one of the given subjects of the system. */
    List<EvidenceRevision> currentRevisions(long systemId) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE f.system_id = ? AND r.revision = (SELECT MAX(l.revision) FROM "
                + "evidence_revision l WHERE l.file_id = f.id) ORDER BY f.id", ROWS, systemId);
    }

    /**
     * The same for the files attached to one subject of the system ({@code subject_type}, {@code subject_id}): what a
     * gate asking about a model version reads, by the subject's index however many versions the system has.
     */
    List<EvidenceRevision> currentRevisions(long systemId, EvidenceSubjectType subjectType, String subjectId) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE f.subject_type = ? AND f.subject_id = ? AND f.system_id = ? AND "
                + "r.revision = (SELECT MAX(l.revision) FROM evidence_revision l WHERE l.file_id = f.id) ORDER BY f.id",
                ROWS, subjectType.name(), subjectId, systemId);
    }

    /** The latest revision of the file; NotFoundException (field fileId) when there is none. */
    public EvidenceRevision latestRevision(long fileId) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE r.file_id = ? ORDER BY r.revision DESC", ROWS, fileId).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("fileId", "No evidence file " + fileId + "."));
    }

    /**
     * The latest revision of each of these evidence files (a control's linked evidence), by file id; ids of files
     * that do not exist are left out.
     */
    public List<EvidenceRevision> latestRevisions(java.util.Collection<Long> fileIds) {
        if (fileIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(fileIds.size(), "?"));
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE f.id IN (" + marks + ") AND r.revision = (SELECT MAX(l.revision) FROM "
                + "evidence_revision l WHERE l.file_id = f.id) ORDER BY f.id", ROWS, fileIds.toArray());
    }

    /** These revisions (by evidence_revision id), e.g. an internal audit's sample; ids that do not exist are left out. */
    public List<EvidenceRevision> revisions(java.util.Collection<Long> revisionIds) {
        if (revisionIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(revisionIds.size(), "?"));
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE r.id IN (" + marks + ") ORDER BY r.id", ROWS, revisionIds.toArray());
    }

    public EvidenceRevision requireRevision(long fileId, int revision) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM evidence_revision r JOIN evidence_file f "
                + "ON f.id = r.file_id WHERE r.file_id = ? AND r.revision = ?", ROWS, fileId, revision).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("revision", "No revision " + revision
                        + " of evidence file " + fileId + "."));
    }

    @Override
    public void copyContent(long revisionId, OutputStream out) {
        String[] stored = jdbc.query("SELECT storage, sha256 FROM evidence_revision WHERE id = ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, revisionId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("revisionId", "No evidence revision " + revisionId + "."));
        try {
            storages.get(EvidenceProperties.Storage.valueOf(stored[0])).copyTo(revisionId, stored[1], out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final RowMapper<EvidenceRevision> ROWS = EvidenceService::revision;

    private static EvidenceRevision revision(ResultSet rs, int row) throws SQLException {
        return new EvidenceRevision(rs.getLong("id"), rs.getLong("file_id"), rs.getInt("revision"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("kind"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
                rs.getObject("expires_on", LocalDate.class));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
