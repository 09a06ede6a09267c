package io.aimsgate.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Evidence the gates require, uploaded over HTTP as the people producing it would (POST /api/evidence). */
public final class EvidenceFixtures {

    private EvidenceFixtures() {
    }

    /** A short Markdown document of the kind, attached to the subject; answers the stored revision's id. */
    public static long attach(Api.Caller caller, String subjectType, long subjectId, String kind, String fileName) {
        return caller.sendBytes("POST", "/api/evidence?subjectType=" + subjectType + "&subjectId=" + subjectId
                + "&kind=" + kind + "&fileName=" + fileName, ("# " + kind + "\n\nFor " + subjectType + " " + subjectId
                + ", by " + caller.userId() + ".\n").getBytes(StandardCharsets.UTF_8), "text/markdown").expect(201)
                .json().get("id").asLong();
    }

    /**
     * Registers a model version of the system as {@code engineer} with its model card in the evidence store (the
     * deployment gate approves no version without one); answers the version's id.
     */
    public static long versionWithModelCard(Api.Caller engineer, long systemId, String label, String digest) {
        long version = engineer.post("/api/systems/" + systemId + "/versions", Map.of("versionLabel", label,
                "artifactSha256", digest)).expect(201).json().get("id").asLong();
        attach(engineer, "MODEL_VERSION", version, "MODEL_CARD", "model-card.md");
        return version;
    }
}
