package io.aimsgate.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * What a deployment approval is bound to: the state its approvers saw (docs/lifecycle-gates.md, "Bound approval").
 * These are the canonical inputs of the state digest: the model version's artefact digest, the system's HIGH and
 * CRITICAL risks (id, title, current severity, status, acceptance and its expiry), the required evidence revisions
 * (with their SHA-256), the deployed DMN decisions the gate applied (key and version) and who approved in which role.
 * Lists are in a fixed order (risks by id, evidence by file, decisions by key, approvers in decision order), times are
 * ISO-8601 UTC text with at most microseconds, dates ISO-8601 text.
 * <p>
 * {@link #canonicalJson()} is the RFC 8785 canonical JSON of this record (every component, nulls included);
 * {@link #digest()} is {@code "sha256:"} and the lower-case hex SHA-256 of its UTF-8 bytes. Anyone holding the JSON
 * can recompute the digest with any RFC 8785 implementation.
 */
public record ApprovalState(Long systemId, Long versionId, String versionLabel, String artifactSha256,
        List<RiskEntry> risks, List<EvidenceEntry> evidence, List<DecisionEntry> decisions, List<Approver> approvers) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public ApprovalState {
        risks = List.copyOf(risks);
        evidence = List.copyOf(evidence);
        decisions = List.copyOf(decisions);
        approvers = List.copyOf(approvers);
    }

    /** A HIGH or CRITICAL risk of the system as the approval saw it. */
    public record RiskEntry(long id, String title, String severity, String status, boolean acceptedByBoard,
            String acceptedBy, String acceptedAt, String acceptanceExpiresOn) {
    }

    /** The current revision of a required evidence file. */
    public record EvidenceEntry(String kind, long fileId, String fileName, int revision, String sha256,
            String expiresOn) {
    }

    /** A deployed DMN decision the gate applied: its key, version and the engine's definition id. */
    public record DecisionEntry(String key, int version, String definitionId) {
    }

    /** Who approved, in which RACI role, for which activity, in which task of the run. */
    public record Approver(String user, String role, String activity, String taskKey) {
    }

    /** The same state with other approvers (the current state of a version has none until someone approves it). */
    public ApprovalState withApprovers(List<Approver> others) {
        return new ApprovalState(systemId, versionId, versionLabel, artifactSha256, risks, evidence, decisions, others);
    }

    /** RFC 8785 canonical JSON of this state: the exact text the digest is computed over. */
    public String canonicalJson() {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(this)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("The approval state cannot be canonicalised", e);
        }
    }

    /** {@code sha256:} and the lower-case hex SHA-256 of the UTF-8 bytes of {@link #canonicalJson()}. */
    public String digest() {
        return digestOf(canonicalJson());
    }

    /** The digest of a canonical JSON text, as {@link #digest()} computes it. */
    public static String digestOf(String canonicalJson) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a state back from its (canonical) JSON, e.g. as stored with an approval. */
    public static ApprovalState fromJson(String json) {
        try {
            return JSON.readValue(json, ApprovalState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an approval state: " + e.getOriginalMessage(), e);
        }
    }

    /** The state as a JSON-serialisable map (for a ledger snapshot). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return JSON.convertValue(this, LinkedHashMap.class);
    }

    /**
     * What differs between an approved state and this (current) one, one line each, in the order artefact, risks,
     * evidence, decisions; approvers are not compared (the current state has none yet). Empty when nothing differs.
     */
    public List<String> differencesFrom(ApprovalState approved) {
        List<String> lines = new ArrayList<>();
        if (!Objects.equals(approved.artifactSha256, artifactSha256)) {
            lines.add("Artefact digest changed: sha256:" + approved.artifactSha256 + " -> sha256:" + artifactSha256);
        }
        compare(approved.risks, risks, r -> r.id, lines,
                now -> "New " + now.severity + " risk " + now.id + " '" + now.title + "' (" + now.status + ")",
                then -> "Risk " + then.id + " '" + then.title + "' is no longer HIGH or CRITICAL",
                ApprovalState::riskChange);
        compare(approved.evidence, evidence, e -> e.fileId, lines,
                now -> "New required evidence " + now.kind + " '" + now.fileName + "' revision " + now.revision
                        + " (sha256:" + now.sha256 + ")",
                then -> "Required evidence " + then.kind + " '" + then.fileName + "' no longer counts",
                ApprovalState::evidenceChange);
        compare(approved.decisions, decisions, d -> d.key, lines,
                now -> "Decision '" + now.key + "' version " + now.version + " now applies",
                then -> "Decision '" + then.key + "' no longer applies",
                (then, now) -> then.version == now.version ? null : "Decision '" + now.key + "': version "
                        + then.version + " -> " + now.version);
        return lines;
    }

    private static String riskChange(RiskEntry then, RiskEntry now) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(then.severity, now.severity)) {
            changes.add("severity " + then.severity + " -> " + now.severity);
        }
        if (!Objects.equals(then.status, now.status)) {
            changes.add("status " + then.status + " -> " + now.status);
        }
        if (!Objects.equals(then.acceptedAt, now.acceptedAt) || then.acceptedByBoard != now.acceptedByBoard) {
            changes.add("acceptance " + acceptance(then) + " -> " + acceptance(now));
        } else if (!Objects.equals(then.acceptanceExpiresOn, now.acceptanceExpiresOn)) {
            changes.add("acceptance expiry " + then.acceptanceExpiresOn + " -> " + now.acceptanceExpiresOn);
        }
        if (!Objects.equals(then.title, now.title)) {
            changes.add("title '" + then.title + "' -> '" + now.title + "'");
        }
        return changes.isEmpty() ? null : "Risk " + now.id + " '" + now.title + "': " + String.join("; ", changes);
    }

    private static String acceptance(RiskEntry risk) {
        if (risk.acceptedAt == null) {
            return "none";
        }
        return "by " + risk.acceptedBy + (risk.acceptedByBoard ? " (governance board)" : "") + " on " + risk.acceptedAt
                + (risk.acceptanceExpiresOn == null ? "" : " until " + risk.acceptanceExpiresOn);
    }

    private static String evidenceChange(EvidenceEntry then, EvidenceEntry now) {
        if (then.revision == now.revision && Objects.equals(then.sha256, now.sha256)
                && Objects.equals(then.expiresOn, now.expiresOn)) {
            return null;
        }
        return "Required evidence " + now.kind + " '" + now.fileName + "': revision " + then.revision + " (sha256:"
                + then.sha256 + ") -> revision " + now.revision + " (sha256:" + now.sha256 + ")";
    }

    private interface Change<T> {
        String describe(T then, T now);
    }

    private static <T, K> void compare(List<T> approved, List<T> current, Function<T, K> key, List<String> lines,
            Function<T, String> added, Function<T, String> removed, Change<T> changed) {
        Map<K, T> before = new LinkedHashMap<>();
        approved.forEach(item -> before.put(key.apply(item), item));
        Map<K, T> after = new LinkedHashMap<>();
        current.forEach(item -> after.put(key.apply(item), item));
        for (Map.Entry<K, T> now : after.entrySet()) {
            T then = before.get(now.getKey());
            if (then == null) {
                lines.add(added.apply(now.getValue()));
            } else {
                String change = changed.describe(then, now.getValue());
                if (change != null) {
                    lines.add(change);
                }
            }
        }
        before.forEach((k, then) -> {
            if (!after.containsKey(k)) {
                lines.add(removed.apply(then));
            }
        });
    }
}
