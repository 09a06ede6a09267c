package io.aimsgate.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aimsgate.audit.CheckpointView;
import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.audit.PublicKeyView;
import io.aimsgate.audit.SigningKeys;
import io.aimsgate.evidence.EvidenceFiles;
import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.shared.NotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence pack of one AI system (docs/ledger.md, "Evidence pack"), written straight into the response as a ZIP:
 * the stretch of the chain from the last checkpoint before the system's first entry to a checkpoint of the head, the
 * checkpoints and public keys, the engine's task history of the system's processes, its risk register, every
 * evidence file revision, and a MANIFEST of SHA-256 sums, signed.
 */
@Service
class EvidencePack {

    static final String FORMAT = "aims-gate-evidence-pack/1";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final LedgerStore store;
    private final Checkpoints checkpoints;
    private final SigningKeys keys;
    private final ObjectProvider<EvidenceFiles> evidence;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    EvidencePack(JdbcTemplate jdbc, TransactionTemplate transactions, LedgerStore store, Checkpoints checkpoints,
            SigningKeys keys, ObjectProvider<EvidenceFiles> evidence, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.store = store;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** What the pack will cover, fixed before the first byte is written: refuses an unknown system (404). */
    record Plan(long systemId, String systemName, long afterSequence, String afterHash, long toSequence,
            String createdBy, Instant createdAt) {
    }

    Plan plan(long systemId, String createdBy) {
        List<String> names = jdbc.queryForList("SELECT name FROM ai_system WHERE id = ?", String.class, systemId);
        if (names.isEmpty()) {
            throw new NotFoundException("systemId", "No AI system " + systemId + ".");
        }
        CheckpointView head = checkpoints.checkpoint().orElse(null);
        long to = head == null ? 0 : head.sequence();
        long first = store.firstSequenceOfSystem(systemId).orElse(to + 1);
        CheckpointView anchor = first > to ? head : store.latestCheckpointBefore(first).orElse(null);
        long after = anchor == null ? 0 : anchor.sequence();
        return new Plan(systemId, names.get(0), after, anchor == null ? LedgerFormat.GENESIS_HASH : anchor.hash(), to,
                createdBy, LedgerFormat.truncate(clock.instant()));
    }

    void write(Plan plan, OutputStream response) {
        readOnly.executeWithoutResult(status -> {
            try {
                writePack(plan, response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void writePack(Plan plan, OutputStream response) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        ZipOutputStream zip = new ZipOutputStream(response, StandardCharsets.UTF_8);
        List<PublicKeyView> publicKeys = keys.publicKeys();
        List<EvidenceRevision> revisions = evidence.getIfAvailable() == null ? List.of()
                : evidence.getObject().revisionsForSystem(plan.systemId());

        ObjectNode info = json.createObjectNode();
        info.put("format", FORMAT);
        info.put("systemId", plan.systemId());
        info.put("systemName", plan.systemName());
        info.put("createdAt", LedgerFormat.time(plan.createdAt()));
        info.put("createdBy", plan.createdBy());
        info.put("chainAfterSequence", plan.afterSequence());
        info.put("chainToSequence", plan.toSequence());
        info.put("systemEntries", plan.toSequence() == 0 ? 0 : store.countOfSystem(plan.systemId(), plan.toSequence()));
        info.put("evidenceRevisions", revisions.size());
        entry(zip, digests, "pack.json", out -> out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(info)));

        entry(zip, digests, "ledger/chain.jsonl", out -> store.forEachEntry(plan.afterSequence(), plan.toSequence(),
                ledgerEntry -> {
                    try {
                        out.write(json.writeValueAsBytes(LedgerFormat.entryJson(ledgerEntry)));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        ArrayNode signed = json.createArrayNode();
        for (CheckpointView checkpoint : store.checkpointsBetween(plan.afterSequence(), plan.toSequence())) {
            ObjectNode node = signed.addObject();
            node.put("sequence", checkpoint.sequence());
            node.put("hash", checkpoint.hash());
            node.put("time", LedgerFormat.time(checkpoint.time()));
            node.put("keyId", checkpoint.keyId());
            node.put("algorithm", checkpoint.algorithm());
            node.put("signature", checkpoint.signature());
        }
        entry(zip, digests, "ledger/checkpoints.json", out -> out.write(json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(signed)));
        ArrayNode keyList = json.createArrayNode();
        for (PublicKeyView key : publicKeys) {
            ObjectNode node = keyList.addObject();
            node.put("keyId", key.keyId());
            node.put("algorithm", key.algorithm());
            node.put("publicKey", key.publicKey());
            node.put("validFrom", LedgerFormat.time(key.validFrom()));
            node.put("validTo", key.validTo() == null ? null : LedgerFormat.time(key.validTo()));
        }
        entry(zip, digests, "ledger/keys.json", out -> out.write(json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(keyList)));

        entry(zip, digests, "gate-history.csv", out -> csv(out, """
                SELECT t.PROC_INST_ID_ AS process_instance_id, t.PROC_DEF_KEY_ AS process, t.ID_ AS task_id,
                  t.TASK_DEF_KEY_ AS task_key, t.NAME_ AS task_name, t.ASSIGNEE_ AS completed_by,
                  t.START_TIME_ AS created_at, t.END_TIME_ AS ended_at, t.DURATION_ AS waited_ms,
                  t.DELETE_REASON_ AS outcome
                FROM ACT_HI_TASKINST t
                WHERE t.ROOT_PROC_INST_ID_ IN (
                  SELECT process_instance_id FROM deployment_request WHERE system_id = ?
                  UNION SELECT process_instance_id FROM gate_run WHERE system_id = ?
                  UNION SELECT process_instance_id FROM incident WHERE system_id = ?)
                ORDER BY t.START_TIME_, t.ID_""", plan.systemId(), plan.systemId(), plan.systemId()));
        entry(zip, digests, "risk-register.csv", out -> csv(out,
                "SELECT * FROM risk WHERE system_id = ? ORDER BY id", plan.systemId()));

        ArrayNode index = json.createArrayNode();
        for (EvidenceRevision revision : revisions) {
            ObjectNode node = index.addObject();
            node.put("revisionId", revision.id());
            node.put("fileId", revision.fileId());
            node.put("revision", revision.revision());
            node.put("subjectType", revision.subjectType());
            node.put("subjectId", revision.subjectId());
            node.put("kind", revision.kind());
            node.put("fileName", revision.fileName());
            node.put("mediaType", revision.mediaType());
            node.put("size", revision.size());
            node.put("sha256", revision.sha256());
            node.put("uploadedBy", revision.uploadedBy());
            node.put("uploadedAt", revision.uploadedAt() == null ? null : LedgerFormat.time(revision.uploadedAt()));
            node.put("expiresOn", revision.expiresOn() == null ? null : revision.expiresOn().toString());
            node.put("path", evidencePath(revision));
        }
        entry(zip, digests, "evidence/index.json", out -> out.write(json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(index)));
        for (EvidenceRevision revision : revisions) {
            entry(zip, digests, evidencePath(revision), out -> evidence.getObject().copyContent(revision.id(), out));
        }

        StringBuilder manifest = new StringBuilder();
        digests.forEach((name, digest) -> manifest.append(digest).append("  ").append(name).append('\n'));
        byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("MANIFEST"));
        zip.write(manifestBytes);
        zip.closeEntry();
        SigningKeys.Signed signature = keys.sign(manifestBytes);
        ObjectNode sig = json.createObjectNode();
        sig.put("keyId", signature.keyId());
        sig.put("algorithm", signature.algorithm());
        sig.put("signature", signature.signature());
        zip.putNextEntry(new ZipEntry("MANIFEST.sig"));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(sig));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    static String evidencePath(EvidenceRevision revision) {
        String name = revision.fileName() == null ? "file" : revision.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "file" + name;
        }
        return "evidence/" + revision.id() + "/" + name;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, Map<String, String> digests, String name, Body body)
            throws IOException {
        MessageDigest sha256 = LedgerFormat.sha256();
        zip.putNextEntry(new ZipEntry(name));
        OutputStream digesting = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                sha256.update((byte) b);
                zip.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                sha256.update(b, off, len);
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // the entry is closed by the pack, never the response
            }
        };
        try {
            body.write(digesting);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();
        digests.put(name, HexFormat.of().formatHex(sha256.digest()));
    }

    /** A query as CSV (RFC 4180, every value quoted; a leading =, +, - or @ is prefixed with ' for spreadsheets). */
    private void csv(OutputStream out, String sql, Object... args) {
        jdbc.query(sql, rs -> {
            try {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    line.append(i == 1 ? "" : ",").append(quote(meta.getColumnLabel(i).toLowerCase()));
                }
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                while (rs.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        line.append(i == 1 ? "" : ",").append(value == null ? "" : quote(String.valueOf(value)));
                    }
                    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }, args);
    }

    private static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
