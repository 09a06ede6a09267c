package io.aimsgate.controls.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.controls.ImplementationStatus;
import io.aimsgate.controls.SoaEntry;
import io.aimsgate.controls.SoaVersion;
import io.aimsgate.controls.SoaVersionStatus;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the Statement of Applicability (soa_version, soa_entry): a submitted version freezes every control's
 * record as it stands, gets the next number and a SHA-256 of its content, and is then approved or rejected by the
 * soa-approval gate. Approving a version supersedes the one approved before.
 */
@Service
@Transactional
class SoaVersions {

    private static final String COLUMNS = "id, version_no, status, note, content_sha256, gate_run_id, "
            + "process_instance_id, submitted_by, submitted_at, decided_by, decided_at, decision_rationale";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    SoaVersions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Freezes the controls register as a new version IN_REVIEW for this process instance (or returns the version it
     * already froze: a retried service task). Refused (409) while another version is in review or while a control has
     * not been decided.
     */
    public SoaVersion freeze(String processInstanceId, Long gateRunId, String note, String submittedBy) {
        Optional<SoaVersion> frozen = byProcessInstance(processInstanceId);
        if (frozen.isPresent()) {
            return frozen.get();
        }
        List<String> reasons = new ArrayList<>();
        jdbc.queryForList("SELECT version_no FROM soa_version WHERE status = 'IN_REVIEW'", Integer.class)
                .forEach(no -> reasons.add("SoA version " + no + " is still in review."));
        List<String> undecided = jdbc.queryForList("SELECT control_id FROM aims_control WHERE applicable IS NULL "
                + "ORDER BY sort_order", String.class);
        if (!undecided.isEmpty()) {
            reasons.add("Not yet decided (applicable or not, with a justification): " + String.join(", ", undecided)
                    + ".");
        }
        if (!reasons.isEmpty()) {
            throw new ConflictException("controls", "A new SoA version cannot be submitted now.", reasons);
        }
        List<SoaEntry> entries = currentEntries();
        int versionNo = jdbc.queryForObject("SELECT COALESCE(MAX(version_no), 0) + 1 FROM soa_version", Integer.class);
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String sha = sha256(entries);
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO soa_version (version_no, status, note, content_sha256, gate_run_id, process_instance_id,
                                             submitted_by, submitted_at)
                    VALUES (?, 'IN_REVIEW', ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setInt(1, versionNo);
            insert.setString(2, note);
            insert.setString(3, sha);
            insert.setObject(4, gateRunId);
            insert.setString(5, processInstanceId);
            insert.setString(6, submittedBy);
            insert.setTimestamp(7, Timestamp.from(now));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        int order = 0;
        for (SoaEntry entry : entries) {
            jdbc.update("""
                    INSERT INTO soa_entry (version_id, control_id, sort_order, applicable, justification,
                                           implementation_status, owner, risk_ids, evidence_file_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, entry.controlId(), ++order, entry.applicable(),
                    entry.justification(), entry.implementationStatus().name(), entry.owner(), ids(entry.riskIds()),
                    ids(entry.evidenceFileIds()));
        }
        return require(id);
    }

    /** Approves the version in review; the version approved before it is SUPERSEDED. */
    public SoaVersion approve(long id, String decidedBy, String rationale) {
        SoaVersion version = requireInReview(id);
        jdbc.update("UPDATE soa_version SET status = 'SUPERSEDED' WHERE status = 'APPROVED'");
        decide(version, SoaVersionStatus.APPROVED, decidedBy, rationale);
        return require(id);
    }

    public SoaVersion reject(long id, String decidedBy, String rationale) {
        decide(requireInReview(id), SoaVersionStatus.REJECTED, decidedBy, rationale);
        return require(id);
    }

    private void decide(SoaVersion version, SoaVersionStatus status, String decidedBy, String rationale) {
        jdbc.update("UPDATE soa_version SET status = ?, decided_by = ?, decided_at = ?, decision_rationale = ? "
                + "WHERE id = ?", status.name(), decidedBy, Timestamp.from(clock.instant()), rationale, version.id());
    }

    private SoaVersion requireInReview(long id) {
        SoaVersion version = require(id);
        if (version.status() != SoaVersionStatus.IN_REVIEW) {
            throw new ConflictException("versionId", "SoA version " + version.versionNo() + " is already "
                    + version.status() + ".");
        }
        return version;
    }

    @Transactional(readOnly = true)
    public SoaVersion require(long id) {
        return find("WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("versionId", "No SoA version " + id + "."));
    }

    @Transactional(readOnly = true)
    public Optional<SoaVersion> byProcessInstance(String processInstanceId) {
        return find("WHERE process_instance_id = ?", processInstanceId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<SoaVersion> approved() {
        return find("WHERE status = 'APPROVED'").stream().findFirst();
    }

    /** Every version, newest first (without entries). */
    @Transactional(readOnly = true)
    public List<SoaVersion> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM soa_version ORDER BY version_no DESC",
                (rs, i) -> version(rs, List.of()));
    }

    /** The SHA-256 (hex) of a version's entries as the JSON export writes them. */
    String sha256(List<SoaEntry> entries) {
        try {
            byte[] content = json.writeValueAsBytes(entries);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The register as it stands, as SoA entries (only when every control is decided). */
    private List<SoaEntry> currentEntries() {
        Map<String, List<Long>> risks = links("SELECT control_id, risk_id FROM control_risk ORDER BY risk_id");
        Map<String, List<Long>> evidence = links("SELECT control_id, evidence_file_id FROM control_evidence "
                + "ORDER BY evidence_file_id");
        return jdbc.query("""
                SELECT control_id, objective_id, title, applicable, justification, implementation_status, owner
                FROM aims_control ORDER BY sort_order""", (rs, i) -> new SoaEntry(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getBoolean(4), rs.getString(5), ImplementationStatus.valueOf(rs.getString(6)),
                rs.getString(7), risks.getOrDefault(rs.getString(1), List.of()),
                evidence.getOrDefault(rs.getString(1), List.of())));
    }

    private Map<String, List<Long>> links(String sql) {
        Map<String, List<Long>> links = new TreeMap<>();
        jdbc.query(sql, rs -> {
            links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return links;
    }

    private List<SoaVersion> find(String where, Object... args) {
        return jdbc.query("SELECT " + COLUMNS + " FROM soa_version " + where, (rs, i) -> version(rs, null), args)
                .stream().map(v -> new SoaVersion(v.id(), v.versionNo(), v.status(), v.note(), v.contentSha256(),
                        v.gateRunId(), v.processInstanceId(), v.submittedBy(), v.submittedAt(), v.decidedBy(),
                        v.decidedAt(), v.decisionRationale(), entriesOf(v.id()))).toList();
    }

    private List<SoaEntry> entriesOf(long versionId) {
        return jdbc.query("""
                SELECT e.control_id, c.objective_id, c.title, e.applicable, e.justification, e.implementation_status,
                       e.owner, e.risk_ids, e.evidence_file_ids
                FROM soa_entry e JOIN aims_control c ON c.control_id = e.control_id
                WHERE e.version_id = ? ORDER BY e.sort_order""", (rs, i) -> new SoaEntry(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                ImplementationStatus.valueOf(rs.getString(6)), rs.getString(7), parse(rs.getString(8)),
                parse(rs.getString(9))), versionId);
    }

    private static SoaVersion version(ResultSet rs, List<SoaEntry> entries) throws SQLException {
        long gateRun = rs.getLong("gate_run_id");
        Long gateRunId = rs.wasNull() ? null : gateRun;
        Timestamp decided = rs.getTimestamp("decided_at");
        return new SoaVersion(rs.getLong("id"), rs.getInt("version_no"),
                SoaVersionStatus.valueOf(rs.getString("status")), rs.getString("note"),
                rs.getString("content_sha256"), gateRunId, rs.getString("process_instance_id"),
                rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_rationale"), entries);
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> parse(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }
}
