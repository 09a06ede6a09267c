package io.aimsgate.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.support.Api;
import java.util.Base64;

/** Finds, over HTTP, an approved version of the demo inventory whose production decision the platform signed. */
final class IssuedDecisions {

    record Issued(long systemId, String versionLabel, String artifactSha256, JsonNode envelope, JsonNode statement) {
    }

    private IssuedDecisions() {
    }

    static Issued anyProductionDecision(Api api) throws Exception {
        Api.Caller ben = api.as("ben");
        for (JsonNode system : ben.get("/api/systems?size=100").expect(200).json().get("content")) {
            long systemId = system.get("id").asLong();
            for (JsonNode version : ben.get("/api/systems/" + systemId + "/versions?status=APPROVED").expect(200)
                    .json().get("content")) {
                String label = version.get("versionLabel").asText();
                String digest = version.get("artifactSha256").asText();
                Api.Response answer = ben.get("/api/systems/" + systemId + "/versions/" + label
                        + "/deployment-decision/attestation?digest=sha256:" + digest + "&environment=production");
                if (answer.status() == 200) {
                    JsonNode envelope = answer.json();
                    JsonNode statement = new ObjectMapper().readTree(Base64.getDecoder().decode(
                            envelope.get("payload").asText()));
                    return new Issued(systemId, label, digest, envelope, statement);
                }
            }
        }
        throw new AssertionError("The demo inventory has no approved version with a signed production decision");
    }
}
