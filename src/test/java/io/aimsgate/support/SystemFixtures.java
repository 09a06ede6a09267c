package io.aimsgate.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The request bodies scenarios register AI systems and risks with, and artefact digests for their versions. */
public final class SystemFixtures {

    private SystemFixtures() {
    }

    /** POST /api/systems: an in-house predictive system owned by olivia, in the tier given. */
    public static Map<String, Object> systemBody(String name, String tier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("intendedUse", "Suggests products to customers; staff can override.");
        body.put("aiType", "PREDICTIVE");
        body.put("businessOwner", "olivia");
        body.put("businessUnit", "Retail");
        body.put("supplierType", "IN_HOUSE");
        body.put("euAiActTier", tier);
        body.put("dataCategories", List.of("usage logs", "product catalogue"));
        body.put("processesPersonalData", false);
        return body;
    }

    /** Registers the system as {@code owner} (201); answers its id. */
    public static long registerSystem(Api.Caller owner, String name, String tier) {
        return owner.post("/api/systems", systemBody(name, tier)).expect(201).json().get("id").asLong();
    }

    /** POST /api/systems/{id}/risks: a tampering risk to be mitigated by mia; severity from likelihood x impact. */
    public static Map<String, Object> riskBody(int likelihood, int impact, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lifecycleStage", "VERIFICATION_AND_VALIDATION");
        body.put("strideCategory", "TAMPERING");
        body.put("title", title);
        body.put("description", "Found during the release review.");
        body.put("likelihood", likelihood);
        body.put("impact", impact);
        body.put("treatment", "MITIGATE");
        body.put("treatmentOwner", "mia");
        body.put("dueDate", "2030-01-31");
        return body;
    }

    /** A random SHA-256 digest in lower-case hex, as a version's artefact digest. */
    public static String sha256() {
        StringBuilder digest = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 64; i++) {
            digest.append(Character.forDigit(random.nextInt(16), 16));
        }
        return digest.toString();
    }
}
