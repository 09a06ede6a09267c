package io.aimsgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The offline verifier of an evidence pack: {@code java -jar aims-gate.jar verify-pack pack.zip}. Needs no server,
 * no database and no Spring: it checks every file against the MANIFEST and the MANIFEST's signature, recomputes the
 * chain stretch from its signed starting point to its signed end, checks every checkpoint signature, and every
 * evidence file against the digest recorded at upload. Prints what it checked; exit code 0 when everything holds,
 * 1 on any mismatch, 2 when the pack cannot be read.
 */
public final class PackVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The kind of the ledger entry of an evidence upload; its snapshot names revisionId and sha256. */
    private static final String UPLOAD = "EVIDENCE_UPLOADED";
    private static final Set<String> KEPT = Set.of("MANIFEST", "MANIFEST.sig", "pack.json", "ledger/chain.jsonl",
            "ledger/checkpoints.json", "ledger/keys.json", "evidence/index.json");

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();

    private PackVerifier(PrintStream out) {
        this.out = out;
    }

    /** The command line: {@code verify-pack <pack.zip>}. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 1) {
            out.println("usage: java -jar aims-gate.jar verify-pack <evidence-pack.zip>");
            return 2;
        }
        Path pack = Path.of(args[0]);
        try (InputStream in = Files.newInputStream(pack)) {
            return new PackVerifier(out).verify(in);
        } catch (IOException | RuntimeException e) {
            out.println("FAIL  cannot read " + pack + ": " + e.getMessage());
            return 2;
        }
    }

    public static int verify(InputStream zip, PrintStream out) throws IOException {
        return new PackVerifier(out).verify(zip);
    }

    private int verify(InputStream in) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        Map<String, byte[]> kept = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (digests.containsKey(entry.getName())) {
                    fail("the pack holds " + entry.getName() + " twice");
                }
                MessageDigest sha256 = LedgerFormat.sha256();
                ByteArrayOutputStream copy = KEPT.contains(entry.getName()) ? new ByteArrayOutputStream() : null;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    sha256.update(buffer, 0, read);
                    if (copy != null) {
                        copy.write(buffer, 0, read);
                    }
                }
                digests.put(entry.getName(), HexFormat.of().formatHex(sha256.digest()));
                if (copy != null) {
                    kept.put(entry.getName(), copy.toByteArray());
                }
            }
        }
        for (String required : KEPT) {
            if (!kept.containsKey(required)) {
                fail("the pack has no " + required);
            }
        }
        if (!failures.isEmpty()) {
            return finish();
        }
        JsonNode info = JSON.readTree(kept.get("pack.json"));
        out.println("Evidence pack of AI system " + info.path("systemId").asText() + " (" + info.path("systemName")
                .asText() + "), created " + info.path("createdAt").asText() + " by " + info.path("createdBy").asText());

        // 1. MANIFEST: every file listed, every digest right, nothing unlisted.
        Map<String, String> manifest = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(new String(kept.get("MANIFEST"),
                StandardCharsets.UTF_8)))) {
            String line;
            while ((line = lines.readLine()) != null) {
                int split = line.indexOf("  ");
                if (split != 64) {
                    fail("MANIFEST line is not '<sha256>  <path>': " + line);
                    continue;
                }
                manifest.put(line.substring(66), line.substring(0, 64));
            }
        }
        Set<String> files = new TreeSet<>(digests.keySet());
        files.remove("MANIFEST");
        files.remove("MANIFEST.sig");
        int matching = 0;
        for (String file : files) {
            String listed = manifest.get(file);
            if (listed == null) {
                fail(file + " is not in the MANIFEST");
            } else if (!listed.equals(digests.get(file))) {
                fail(file + ": SHA-256 " + digests.get(file) + " does not match the MANIFEST's " + listed);
            } else {
                matching++;
            }
        }
        for (String listed : manifest.keySet()) {
            if (!digests.containsKey(listed)) {
                fail(listed + " is in the MANIFEST but not in the pack");
            }
        }
        out.println("checked " + files.size() + " files against the MANIFEST: " + matching + " match");

        // 2. Keys and the MANIFEST signature.
        List<PublicKeyView> keys = new ArrayList<>();
        for (JsonNode key : JSON.readTree(kept.get("ledger/keys.json"))) {
            keys.add(new PublicKeyView(key.path("keyId").asText(), key.path("algorithm").asText(),
                    key.path("publicKey").asText(), LedgerFormat.parseTime(key.path("validFrom").asText()),
                    key.path("validTo").isNull() || key.path("validTo").isMissingNode() ? null
                            : LedgerFormat.parseTime(key.path("validTo").asText())));
        }
        for (PublicKeyView key : keys) {
            try {
                if (!LedgerFormat.keyId(java.util.Base64.getDecoder().decode(key.publicKey())).equals(key.keyId())) {
                    fail("key " + key.keyId() + ": the key id is not the SHA-256 of its public key");
                }
            } catch (IllegalArgumentException e) {
                fail("key " + key.keyId() + ": the public key is not base64");
            }
            out.println("public key " + key.keyId() + " (" + key.algorithm() + "), valid from " + key.validFrom()
                    + (key.validTo() == null ? "" : " to " + key.validTo())
                    + ": compare it with the organisation's published keys");
        }
        JsonNode signature = JSON.readTree(kept.get("MANIFEST.sig"));
        PublicKeyView signer = keys.stream().filter(k -> k.keyId().equals(signature.path("keyId").asText()))
                .findFirst().orElse(null);
        if (signer == null) {
            fail("MANIFEST.sig names unknown key " + signature.path("keyId").asText());
        } else if (!LedgerFormat.verify(signer.algorithm(), signer.publicKey(), kept.get("MANIFEST"),
                signature.path("signature").asText())) {
            fail("MANIFEST.sig: the signature of the MANIFEST does not verify");
        } else {
            out.println("checked the MANIFEST signature: valid, key " + signer.keyId());
        }

        // 3. The chain stretch and its checkpoints.
        long after = info.path("chainAfterSequence").asLong();
        long to = info.path("chainToSequence").asLong();
        List<CheckpointView> checkpoints = new ArrayList<>();
        for (JsonNode node : JSON.readTree(kept.get("ledger/checkpoints.json"))) {
            checkpoints.add(new CheckpointView(node.path("sequence").asLong(), node.path("hash").asText(),
                    LedgerFormat.parseTime(node.path("time").asText()), node.path("keyId").asText(),
                    node.path("algorithm").asText(), node.path("signature").asText()));
        }
        String startHash = LedgerFormat.GENESIS_HASH;
        if (after > 0) {
            CheckpointView anchor = checkpoints.stream().filter(c -> c.sequence() == after).findFirst().orElse(null);
            if (anchor == null) {
                fail("no signed checkpoint at sequence " + after + ", where the chain stretch starts");
            } else {
                startHash = anchor.hash();
            }
        }
        if (to > 0 && checkpoints.stream().noneMatch(c -> c.sequence() == to)) {
            fail("no signed checkpoint at sequence " + to + ", where the chain stretch ends");
        }
        ChainCheck check = new ChainCheck(after, startHash, checkpoints, keys);
        Map<Long, String> uploads = new LinkedHashMap<>();
        long systemEntries = 0;
        long systemId = info.path("systemId").asLong();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(kept.get("ledger/chain.jsonl")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                if (entry.path("systemId").asLong(-1) == systemId) {
                    systemEntries++;
                }
                if (UPLOAD.equals(entry.path("kind").asText())) {
                    uploads.put(entry.at("/snapshot/revisionId").asLong(-1), entry.at("/snapshot/sha256").asText());
                }
                check.accept(entry);
            }
        }
        ChainCheck.Result result = check.finish(to, null);
        result.problems().forEach(problem -> fail("ledger: " + problem.problem()));
        out.println("checked ledger entries " + (after + 1) + " to " + to + ": " + result.entriesChecked()
                + " entries (" + systemEntries + " of this system), " + result.checkpointsChecked()
                + " signed checkpoints" + (result.ok() ? ", chain intact" : ", chain BROKEN"));
        if (systemEntries != info.path("systemEntries").asLong()) {
            fail("pack.json announces " + info.path("systemEntries").asLong() + " entries of the system, the chain "
                    + "holds " + systemEntries);
        }

        // 4. Evidence files against the digests recorded at upload.
        int evidence = 0;
        int anchored = 0;
        for (JsonNode revision : JSON.readTree(kept.get("evidence/index.json"))) {
            String path = revision.path("path").asText();
            String recorded = revision.path("sha256").asText();
            String inLedger = uploads.get(revision.path("revisionId").asLong(-2));
            if (inLedger != null && !inLedger.equals(recorded)) {
                fail("evidence revision " + revision.path("revisionId").asText() + ": the index names SHA-256 "
                        + recorded + ", its upload entry in the chain " + inLedger);
            } else if (inLedger != null) {
                anchored++;
            }
            if (!digests.containsKey(path)) {
                fail("evidence revision " + revision.path("revisionId").asText() + ": " + path + " is missing");
            } else if (!digests.get(path).equals(recorded)) {
                fail(path + ": SHA-256 " + digests.get(path) + " is not the digest recorded at upload (" + recorded
                        + ")");
            } else {
                evidence++;
            }
        }
        out.println("checked " + evidence + " evidence file revisions against the digests recorded at upload; "
                + anchored + " of them against their upload entry in the signed chain");
        return finish();
    }

    private int finish() {
        if (failures.isEmpty()) {
            out.println("OK    every digest, the chain and every signature check out");
            return 0;
        }
        failures.forEach(failure -> out.println("FAIL  " + failure));
        out.println("FAILED: " + failures.size() + " problem" + (failures.size() == 1 ? "" : "s"));
        return 1;
    }

    private void fail(String failure) {
        failures.add(failure);
    }
}
