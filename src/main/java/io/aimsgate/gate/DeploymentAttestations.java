package io.aimsgate.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.signing.OrganisationSignatures;
import io.aimsgate.shared.ledger.LedgerEntryView;
import io.aimsgate.shared.ledger.LedgerRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed deployment decisions (docs/pipelines.md): when the deployment gate approves a version, in the approving
 * transaction, one in-toto Statement v1 per configured environment, in a DSSE envelope signed with the organisation's
 * key (the ledger checkpoints' key, {@code GET /api/audit/keys}); stored in {@code deployment_attestation} and its
 * issuance recorded in the decision ledger, whose entry's sequence the statement names.
 */
@Service
@Transactional
class DeploymentAttestations {

    static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    static final String PREDICATE_TYPE = "https://aimsgate.io/attestation/deployment-decision/v1";
    static final String LEDGER_KIND = "DEPLOYMENT_ATTESTATION_ISSUED";
    /** The longest a signed statement stands when neither the environment nor a risk acceptance bounds it. */
    static final Duration UNBOUNDED_ATTESTATION = Duration.ofDays(365);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One issued attestation as stored. */
    record Issued(long id, Long versionId, Long requestId, String environment, String artifactSha256,
            String stateDigest, String envelope, long ledgerSequence, Instant issuedAt, Instant expiresAt) {
    }

    /**
     * The approval being attested: its request and the bound approval (state digest, the state with its approvers,
     * evidence revisions and risk acceptances, the ledger entry that records it).
     */
    record Approval(DeploymentRequest request, BoundApproval bound) {

        /** The start of the first day on which a risk acceptance the approval relied on no longer stands. */
        Instant acceptanceExpiry() {
            return bound.state().risks().stream().map(ApprovalState.RiskEntry::acceptanceExpiresOn)
                    .filter(java.util.Objects::nonNull).map(day -> LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC)
                            .toInstant()).min(Comparator.naturalOrder()).orElse(null);
        }
    }

    private final JdbcTemplate jdbc;
    private final PipelineProperties properties;
    private final InventoryService inventory;
    private final GateRunRepository runs;
    private final DeploymentRequestRepository requests;
    private final DeploymentApprovals approvals;
    private final OrganisationSignatures keys;
    private final DecisionLedger ledger;
    private final Clock clock;

    DeploymentAttestations(JdbcTemplate jdbc, PipelineProperties properties, InventoryService inventory,
            GateRunRepository runs, DeploymentRequestRepository requests, DeploymentApprovals approvals,
            OrganisationSignatures keys, DecisionLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.inventory = inventory;
        this.runs = runs;
        this.requests = requests;
        this.approvals = approvals;
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * In the approving transaction, after the approval was recorded with its state ({@link DeploymentApprovals}). A
     * synchronous listener, not one of the event publication registry's: an approval this cannot attest (no version
     * named, or none bound) fails here, and the approving transaction with it, rather than standing unsigned.
     */
    @EventListener
    void onApproval(DeploymentApproved approved) {
        if (approved.versionId() == null) {
            throw new IllegalStateException("The deployment approval of system " + approved.systemId() + " by "
                    + approved.approvedBy() + " names no model version");
        }
        BoundApproval bound = approvals.currentOf(approved.versionId()).orElseThrow(() -> new IllegalStateException(
                "Version " + approved.versionId() + " was approved without a bound approval"));
        DeploymentRequest request = requests.findById(bound.requestId()).orElseThrow();
        issue(new Approval(request, bound));
    }

    /**
     * Issues the approval's attestation for every configured environment (running it again in a later transaction
     * issues nothing new). Each is signed and stored when its ledger entry has its place in the chain, just before the
     * approving transaction commits: the signed statement names that entry and the approval's.
     */
    void issue(Approval approval) {
        DeploymentRequest request = approval.request();
        ModelVersion version = inventory.requireVersion(request.getVersionId());
        AiSystem system = inventory.requireSystem(request.getSystemId());
        Instant issuedAt = truncate(clock.instant());
        properties.environments().entrySet().stream()
                .filter(e -> find(request.getId(), e.getKey()).isEmpty())
                .forEach(e -> issue(approval, system, version, e.getKey(), e.getValue(), issuedAt));
    }

    private void issue(Approval approval, AiSystem system, ModelVersion version, String environment,
            PipelineProperties.Environment rules, Instant issuedAt) {
        DeploymentRequest request = approval.request();
        Instant decidedAt = rules.requires() == GateKind.DEPLOYMENT ? request.getDecidedAt()
                : runs.findBySystemIdAndKindAndStatus(system.getId(), GateKind.VERIFICATION_AND_VALIDATION,
                        GateRunStatus.PASSED).stream().map(GateRun::getDecidedAt).max(Comparator.naturalOrder())
                        .orElse(request.getDecidedAt());
        Instant expiresAt = expiry(EnvironmentChecks.expiry(decidedAt, rules), approval.acceptanceExpiry(), issuedAt);

        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("environment", environment);
        snapshot.put("predicateType", PREDICATE_TYPE);
        snapshot.put("versionLabel", version.getVersionLabel());
        snapshot.put("artifactDigest", "sha256:" + version.getArtifactSha256());
        snapshot.put("stateDigest", approval.bound().stateDigest());
        snapshot.put("requestId", request.getId());
        snapshot.put("expiresAt", time(expiresAt));
        snapshot.put("keyId", keys.currentKeyId());
        ledger.append(new LedgerRecord(LEDGER_KIND, null, "DEPLOYMENT_REQUEST",
                String.valueOf(request.getId()), system.getId(), "Signed deployment decision for environment '"
                + environment + "'", request.getProcessInstanceId(), null, snapshot),
                entry -> sign(approval, system, version, environment, rules, decidedAt, issuedAt, expiresAt, entry));
    }

    /**
     * Signs and stores one attestation, once its ledger entry has its place: the approval is read again, because
     * its own entry (appended before this one) got its sequence number in the same step.
     */
    private void sign(Approval approval, AiSystem system, ModelVersion version, String environment,
            PipelineProperties.Environment rules, Instant decidedAt, Instant issuedAt, Instant expiresAt,
            LedgerEntryView entry) {
        DeploymentRequest request = approval.request();
        // The approving transaction records no other approval of the version: its current one is the bound one.
        Approval recorded = new Approval(request, approvals.again(approval.bound()).orElseThrow());
        byte[] statement = statement(recorded, system, version, environment, rules, decidedAt, issuedAt, expiresAt,
                entry.sequence());
        Dsse.Envelope envelope = Dsse.sign(Dsse.IN_TOTO, statement, keys);
        String envelopeJson;
        try {
            envelopeJson = JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("INSERT INTO deployment_attestation (system_id, version_id, deployment_request_id, environment, "
                + "artifact_sha256, state_digest, statement_sha256, key_id, envelope, ledger_seq, issued_at, "
                + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", system.getId(), version.getId(),
                request.getId(), environment, version.getArtifactSha256(), recorded.bound().stateDigest(),
                sha256(statement),
                envelope.signatures().get(0).keyid(), envelopeJson, entry.sequence(), utc(issuedAt), utc(expiresAt));
    }

    /** The in-toto Statement v1, as RFC 8785 canonical JSON (its exact bytes are what is signed). */
    private static byte[] statement(Approval approval, AiSystem system, ModelVersion version, String environment,
            PipelineProperties.Environment rules, Instant decidedAt, Instant issuedAt, Instant expiresAt,
            long ledgerSequence) {
        DeploymentRequest request = approval.request();
        ObjectNode statement = NODES.objectNode();
        statement.put("_type", STATEMENT_TYPE);
        ArrayNode subjects = statement.putArray("subject");
        ObjectNode subject = subjects.addObject();
        subject.put("name", subjectName(system.getId(), version.getVersionLabel()));
        subject.putObject("digest").put("sha256", version.getArtifactSha256());
        if (request.getServingImage() != null) {
            String[] image = request.getServingImage().split("@sha256:", 2);
            ObjectNode served = subjects.addObject();
            served.put("name", image[0]);
            served.putObject("digest").put("sha256", image[1]);
        }
        statement.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = statement.putObject("predicate");
        predicate.put("decision", "approved");
        predicate.put("environment", environment);
        predicate.put("requires", rules.requires().name());
        ObjectNode systemNode = predicate.putObject("system");
        systemNode.put("id", system.getId());
        systemNode.put("name", system.getName());
        systemNode.put("euAiActTier", system.getEuAiActTier() == null ? null : system.getEuAiActTier().name());
        ObjectNode versionNode = predicate.putObject("version");
        versionNode.put("label", version.getVersionLabel());
        versionNode.put("artifactDigest", "sha256:" + version.getArtifactSha256());
        ObjectNode requestNode = predicate.putObject("deploymentRequest");
        requestNode.put("id", request.getId());
        requestNode.put("gateRunId", request.getGateRunId());
        requestNode.put("processInstanceId", request.getProcessInstanceId());
        requestNode.put("submittedBy", request.getSubmittedBy());
        requestNode.put("servingImage", request.getServingImage());
        ArrayNode approvers = predicate.putArray("approvers");
        for (ApprovalState.Approver approver : approval.bound().approvers()) {
            ObjectNode node = approvers.addObject();
            node.put("user", approver.user());
            node.put("role", approver.role());
            node.put("activity", approver.activity());
            node.put("taskKey", approver.taskKey());
        }
        predicate.put("approvedBy", request.getDecidedBy());
        predicate.put("decidedAt", time(decidedAt));
        predicate.put("issuedAt", time(issuedAt));
        predicate.put("expiresAt", time(expiresAt));
        predicate.put("stateDigest", approval.bound().stateDigest());
        ArrayNode evidence = predicate.putArray("evidence");
        for (ApprovalState.EvidenceEntry revision : approval.bound().state().evidence()) {
            ObjectNode node = evidence.addObject();
            node.put("kind", revision.kind());
            node.put("fileName", revision.fileName());
            node.put("revision", revision.revision());
            node.putObject("digest").put("sha256", revision.sha256());
        }
        ObjectNode ledgerNode = predicate.putObject("ledger");
        ledgerNode.put("sequence", ledgerSequence);
        ledgerNode.put("approvalSequence", approval.bound().ledgerSequence());
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(statement)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statement's subject name for a model version: the platform's name of the artefact. */
    static String subjectName(Long systemId, String versionLabel) {
        return "aims-gate/systems/" + systemId + "/versions/" + versionLabel;
    }

    /**
     * When the attestation lapses: the environment's validity from the decision, or the first lapse of a risk
     * acceptance the approval relied on, whichever is first; without either, the environment's decision has no
     * expiry but a signed statement that cannot be revoked still needs one, so it is the issue time plus
     * {@link #UNBOUNDED_ATTESTATION}.
     */
    static Instant expiry(Instant environmentExpiry, Instant acceptanceExpiry, Instant issuedAt) {
        Instant expiry = environmentExpiry;
        if (acceptanceExpiry != null && (expiry == null || acceptanceExpiry.isBefore(expiry))) {
            expiry = acceptanceExpiry;
        }
        return truncate(expiry != null ? expiry : issuedAt.plus(UNBOUNDED_ATTESTATION));
    }


    @Transactional(readOnly = true)
    Optional<Issued> find(Long requestId, String environment) {
        return jdbc.query("SELECT " + COLUMNS + " FROM deployment_attestation WHERE deployment_request_id = ? "
                + "AND environment = ?", this::row, requestId, environment).stream().findFirst();
    }

    /** The latest attestation issued for the version and environment. */
    @Transactional(readOnly = true)
    Optional<Issued> latest(Long versionId, String environment) {
        return jdbc.query("SELECT " + COLUMNS + " FROM deployment_attestation WHERE version_id = ? AND environment = ? "
                + "ORDER BY issued_at DESC, id DESC", this::row, versionId, environment).stream().findFirst();
    }

    private static final String COLUMNS = "id, version_id, deployment_request_id, environment, artifact_sha256, "
            + "state_digest, envelope, ledger_seq, issued_at, expires_at";

    private Issued row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Issued(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getObject(9, OffsetDateTime.class).toInstant(),
                rs.getObject(10, OffsetDateTime.class).toInstant());
    }

    static Dsse.Envelope envelope(String json) {
        try {
            return JSON.readValue(json, Dsse.Envelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored attestation is not a DSSE envelope", e);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(LedgerEntryView.TIME_PATTERN)
            .withZone(ZoneOffset.UTC);

    /** Times as the ledger writes them: UTC with exactly six fraction digits (RFC 3339). */
    static String time(Instant time) {
        return TIME.format(truncate(time));
    }

    private static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
